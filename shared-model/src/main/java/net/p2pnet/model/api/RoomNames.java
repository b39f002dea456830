package net.p2pnet.model.api;

import java.util.regex.Pattern;

/**
 * The rules for room names, topics and nicknames of the chat API: the chatroom service validates
 * requests with them, and the agent checks a room name before it calls out.
 */
public final class RoomNames {

    /** Room names travel in URLs and rendezvous directories: keep them to URL-safe ASCII. */
    public static final String PATTERN = "[A-Za-z0-9._-]{1,64}";
    public static final String RULE = "must be 1-64 characters of letters, digits, '.', '_' or '-'";
    public static final int MAX_TOPIC = 256;

    /** Nicknames may use any letters, so people can write their names; "me" is the API's word for oneself. */
    public static final String NICKNAME_PATTERN = "(?!me$)[\\p{L}\\p{N}._-]{1,32}";
    public static final String NICKNAME_RULE = "must be 1-32 letters, digits, '.', '_' or '-' (and not 'me')";

    private static final Pattern NAME = Pattern.compile(PATTERN);

    private RoomNames() {
    }

    public static boolean isValidName(String room) {
        return room != null && NAME.matcher(room).matches();
    }
}

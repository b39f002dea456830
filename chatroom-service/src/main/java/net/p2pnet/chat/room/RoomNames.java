package net.p2pnet.chat.room;

/** The rules for room names, topics and nicknames, shared by request validation and docs. */
public final class RoomNames {

    /** Room names travel in URLs and rendezvous directories: keep them to URL-safe ASCII. */
    public static final String PATTERN = "[A-Za-z0-9._-]{1,64}";
    public static final String RULE = "must be 1-64 characters of letters, digits, '.', '_' or '-'";
    public static final int MAX_TOPIC = 256;

    /** Nicknames may use any letters, so people can write their names; "me" is the API's word for oneself. */
    public static final String NICKNAME_PATTERN = "(?!me$)[\\p{L}\\p{N}._-]{1,32}";
    public static final String NICKNAME_RULE = "must be 1-32 letters, digits, '.', '_' or '-' (and not 'me')";

    private RoomNames() {
    }
}

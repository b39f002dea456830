package net.p2pnet.agent.room;

import java.util.regex.Pattern;

/** Room names as the chatroom service accepts them: 1-64 of {@code [A-Za-z0-9._-]}. */
final class RoomNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RoomNames() {
    }

    static void check(String room) {
        if (room == null || !NAME.matcher(room).matches()) {
            throw new RoomException("room name must be 1-64 letters, digits, '.', '_' or '-'", false);
        }
    }
}

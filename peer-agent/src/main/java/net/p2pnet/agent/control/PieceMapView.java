package net.p2pnet.agent.control;

/**
 * A download's piece map for displays: {@code map} has one character per piece, '0' missing,
 * '1' in flight, '2' verified, '3' failed; compact enough for thousands of pieces.
 */
record PieceMapView(String id, int pieces, int verified, String map) {

    static PieceMapView of(String id, byte[] states) {
        StringBuilder map = new StringBuilder(states.length);
        int verified = 0;
        for (byte state : states) {
            map.append((char) ('0' + state));
            if (state == 2) {
                verified++;
            }
        }
        return new PieceMapView(id, states.length, verified, map.toString());
    }
}

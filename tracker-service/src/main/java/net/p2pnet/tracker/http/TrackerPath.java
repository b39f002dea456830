package net.p2pnet.tracker.http;

/**
 * Which tracker request a path names. Private trackers put the passkey in the path
 * ({@code /a/<passkey>/announce}) because many clients drop extra query parameters of the announce URL.
 */
public record TrackerPath(Action action, String passkey) {

    public enum Action { ANNOUNCE, SCRAPE, UNKNOWN }

    private static final TrackerPath ANNOUNCE = new TrackerPath(Action.ANNOUNCE, null);
    private static final TrackerPath SCRAPE = new TrackerPath(Action.SCRAPE, null);

    /** The request a raw (undecoded) request URI names, or null when it is not a tracker path. */
    public static TrackerPath of(String uri) {
        if ("/announce".equals(uri)) {
            return ANNOUNCE;
        }
        if ("/scrape".equals(uri)) {
            return SCRAPE;
        }
        if (uri == null || !uri.startsWith("/a/")) {
            return null;
        }
        int slash = uri.indexOf('/', 3);
        if (slash <= 3) {
            return new TrackerPath(Action.UNKNOWN, null);
        }
        String passkey = uri.substring(3, slash);
        return switch (uri.substring(slash)) {
            case "/announce" -> new TrackerPath(Action.ANNOUNCE, passkey);
            case "/scrape" -> new TrackerPath(Action.SCRAPE, passkey);
            default -> new TrackerPath(Action.UNKNOWN, null);
        };
    }
}

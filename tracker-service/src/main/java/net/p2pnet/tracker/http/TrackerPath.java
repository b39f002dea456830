package net.p2pnet.tracker.http;

/**
 * Which tracker request a path names. Private trackers put the passkey in the path
 * ({@code /a/<passkey>/announce}) because many clients drop extra query parameters of the announce URL.
 */
public record TrackerPath(Action action, String passkey) {

    public enum Action { ANNOUNCE, SCRAPE, UNKNOWN }

    public static TrackerPath of(String servletPath, String pathInfo) {
        if ("/announce".equals(servletPath)) {
            return new TrackerPath(Action.ANNOUNCE, null);
        }
        if ("/scrape".equals(servletPath)) {
            return new TrackerPath(Action.SCRAPE, null);
        }
        if (pathInfo != null) {
            int slash = pathInfo.indexOf('/', 1);
            if (pathInfo.startsWith("/") && slash > 1) {
                String passkey = pathInfo.substring(1, slash);
                return switch (pathInfo.substring(slash)) {
                    case "/announce" -> new TrackerPath(Action.ANNOUNCE, passkey);
                    case "/scrape" -> new TrackerPath(Action.SCRAPE, passkey);
                    default -> new TrackerPath(Action.UNKNOWN, null);
                };
            }
        }
        return new TrackerPath(Action.UNKNOWN, null);
    }
}

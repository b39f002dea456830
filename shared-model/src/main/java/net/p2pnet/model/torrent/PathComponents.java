package net.p2pnet.model.torrent;

import java.util.regex.Pattern;

/**
 * Refuses file names from a torrent that could escape the download directory or mean something
 * else on another OS. A hostile torrent can carry {@code ["..", "..", ".bashrc"]}; BEP 3 only says
 * components are names, so the checks are ours: empty, {@code .} or {@code ..}, a separator
 * ({@code /} or Windows' {@code \}), NUL, or a drive prefix such as {@code C:}.
 */
final class PathComponents {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

    private PathComponents() {
    }

    /** @param where the entry named in the error, e.g. {@code info.files[2].path} */
    static void check(String component, String where) {
        String problem = problem(component);
        if (problem != null) {
            throw new InvalidTorrentException(where + ": component '" + printable(component) + "' " + problem);
        }
    }

    private static String problem(String c) {
        if (c.isEmpty()) {
            return "is empty";
        }
        if (c.equals(".") || c.equals("..")) {
            return "is a relative reference (path traversal)";
        }
        if (c.indexOf('/') >= 0 || c.indexOf('\\') >= 0) {
            return "contains a path separator";
        }
        if (c.indexOf('\0') >= 0) {
            return "contains a NUL character";
        }
        if (DRIVE.matcher(c).matches()) {
            return "starts with a drive letter";
        }
        return null;
    }

    private static String printable(String c) {
        return c.replace("\0", "\\0");
    }
}

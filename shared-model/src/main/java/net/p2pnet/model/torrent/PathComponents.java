package net.p2pnet.model.torrent;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import net.p2pnet.model.text.Excerpt;

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

    /** Longest component, in UTF-8 bytes: what Linux, macOS and Windows file systems store (NAME_MAX). */
    static final int MAX_COMPONENT_BYTES = 255;
    /** Most components and longest {@code /}-joined path, in UTF-8 bytes (PATH_MAX of Linux). */
    static final int MAX_DEPTH = 64;
    static final int MAX_PATH_BYTES = 4096;

    /** A path no file system can hold is refused here rather than half-written on the downloader's disk. */
    static void checkLength(List<String> path, String where) {
        if (path.size() > MAX_DEPTH) {
            throw new InvalidTorrentException(where + ": " + path.size() + " components exceed the limit of "
                    + MAX_DEPTH);
        }
        int bytes = String.join("/", path).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PATH_BYTES) {
            throw new InvalidTorrentException(where + ": " + bytes + " bytes exceed the limit of " + MAX_PATH_BYTES);
        }
    }

    private static String problem(String c) {
        if (c.isEmpty()) {
            return "is empty";
        }
        if (c.length() > MAX_COMPONENT_BYTES || c.getBytes(StandardCharsets.UTF_8).length > MAX_COMPONENT_BYTES) {
            return "is longer than " + MAX_COMPONENT_BYTES + " bytes";
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
        return Excerpt.of(c.replace("\0", "\\0"));
    }
}

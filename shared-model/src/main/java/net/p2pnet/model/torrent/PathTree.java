package net.p2pnet.model.torrent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.p2pnet.model.text.Excerpt;

/**
 * The files of a multi-file torrent as a tree, to refuse two entries for one file or a file where
 * another entry needs a directory (either would overwrite data). A tree keeps each component once,
 * so memory grows with the torrent; a set of every directory prefix string grew with depth times
 * length, dozens of times the torrent's size for deep paths.
 */
final class PathTree {

    private final Node root = new Node();

    /** Adds one file's path; {@code where} names the entry in the error, e.g. {@code info.files[3].path}. */
    void add(List<String> path, String where) {
        Node node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            node = node.children.computeIfAbsent(path.get(i), name -> new Node());
            if (node.file) {
                throw new InvalidTorrentException(where + ": '" + Excerpt.of(String.join("/", path)) + "' lies below '"
                        + Excerpt.of(String.join("/", path.subList(0, i + 1))) + "', which is a file of this torrent");
            }
        }
        if (node.children.putIfAbsent(path.getLast(), Node.FILE) != null) {
            throw new InvalidTorrentException(where + ": '" + Excerpt.of(String.join("/", path))
                    + "' is listed twice or is also a directory");
        }
    }

    private static final class Node {

        /** Files have no children: one shared leaf serves them all. */
        static final Node FILE = new Node(true);

        final Map<String, Node> children;
        final boolean file;

        Node() {
            this(false);
        }

        private Node(boolean file) {
            this.children = file ? Map.of() : new HashMap<>();
            this.file = file;
        }
    }
}

package net.p2pnet.cli.hash;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.PrintWriter;
import java.nio.file.Path;
import tools.jackson.databind.json.JsonMapper;

/** How {@code p2pnet hash} prints a result: a readable block, or one JSON object per line. */
sealed interface HashOutput {

    void print(Path file, HashResult result);

    record Text(PrintWriter out) implements HashOutput {
        @Override
        public void print(Path file, HashResult r) {
            out.println(file);
            out.println("  ed2k    " + r.ed2kLink());
            out.println("  sha1    " + r.hashes().sha1Hex());
            out.println("  btih    " + r.btih().hex() + "  (piece length " + r.hashes().pieceLength() + ")");
            out.println("  magnet  " + r.magnet());
        }
    }

    record Json(PrintWriter out) implements HashOutput {
        @Override
        public void print(Path file, HashResult r) {
            JsonLine line = new JsonLine(file.toString(), r.hashes().size(), r.hashes().ed2k().hex(),
                    r.ed2kLink().toString(), r.hashes().sha1Hex(), r.btih().hex(), r.hashes().pieceLength());
            out.println(JsonMapper.shared().writeValueAsString(line));
        }
    }

    /** The documented {@code --json} fields, in this order; hashes in lowercase hex. */
    @JsonPropertyOrder({"file", "size", "ed2k", "ed2kLink", "sha1", "btih", "pieceLength"})
    record JsonLine(String file, long size, String ed2k, String ed2kLink, String sha1, String btih, int pieceLength) {
    }
}

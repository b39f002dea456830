package net.p2pnet.model.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * HeavyMole's {@code SERVERS} file: one {@code host:port} per line; {@code #} starts a comment,
 * blank lines are ignored. Reading reports every malformed line with its number; writing replaces
 * the file atomically (temp file in the same directory, then ATOMIC_MOVE), so a reader or a crash
 * never sees half a file.
 */
public final class ServersFile {

    /** One malformed line. */
    public record LineError(int lineNumber, String line, String reason) {
        @Override
        public String toString() {
            return "line " + lineNumber + ": " + reason;
        }
    }

    /** The servers read and the lines that could not be read. */
    public record Parsed(List<ServerAddress> servers, List<LineError> errors) {
        public Parsed {
            servers = List.copyOf(servers);
            errors = List.copyOf(errors);
        }

        /** The servers, or an exception listing every malformed line of {@code source}. */
        public List<ServerAddress> orThrow(String source) {
            if (!errors.isEmpty()) {
                throw new ServersFileException(source + ": " + errors.size() + " malformed line(s): "
                        + errors.stream().map(LineError::toString).collect(Collectors.joining("; ")), errors);
            }
            return servers;
        }
    }

    private ServersFile() {
    }

    /** Parses file content; duplicates are dropped, first occurrence order kept. */
    public static Parsed parse(String content) {
        LinkedHashSet<ServerAddress> servers = new LinkedHashSet<>();
        List<LineError> errors = new ArrayList<>();
        String[] lines = content.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (entry.isEmpty()) {
                continue;
            }
            try {
                servers.add(ServerAddress.parse(entry));
            } catch (IllegalArgumentException e) {
                errors.add(new LineError(i + 1, line, e.getMessage()));
            }
        }
        return new Parsed(new ArrayList<>(servers), errors);
    }

    /** Reads {@code file}; a missing file is an empty list (a server may start alone). */
    public static Parsed read(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return new Parsed(List.of(), List.of());
        }
    }

    /** Replaces {@code file} atomically with {@code header} comment lines and one server per line. */
    public static void write(Path file, Collection<ServerAddress> servers, List<String> header) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String line : header) {
            out.append("# ").append(line.replaceAll("\\R", " ")).append('\n');
        }
        for (ServerAddress server : new LinkedHashSet<>(servers)) {
            out.append(server).append('\n');
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temp, out, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

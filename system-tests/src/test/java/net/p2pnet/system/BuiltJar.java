package net.p2pnet.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The jar a module of this build made, refused when missing or older than its sources: a system test
 * never runs yesterday's code. The reactor builds the jars first (system-tests depends on every
 * module it runs), so this fails only when the module is run alone without {@code -am}.
 */
final class BuiltJar {

    private BuiltJar() {
    }

    static Path of(String module) {
        Path root = ExternalCommand.repositoryRoot();
        Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the system tests from the root build"
                    + " (./mvnw verify, or ./mvnw -pl system-tests -am verify)");
        }
        try {
            FileTime built = Files.getLastModifiedTime(jar);
            for (Path sources : List.of(root.resolve(module).resolve("src/main"), root.resolve("shared-model/src/main"))) {
                Optional<Path> newer = newerThan(sources, built);
                if (newer.isPresent()) {
                    throw new IllegalStateException(jar + " is older than " + newer.get() + ": rebuild it with"
                            + " ./mvnw -pl system-tests -am verify (or ./mvnw verify)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    private static Optional<Path> newerThan(Path sources, FileTime built) throws IOException {
        if (!Files.isDirectory(sources)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return Files.getLastModifiedTime(file).compareTo(built) > 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).findFirst();
        }
    }
}

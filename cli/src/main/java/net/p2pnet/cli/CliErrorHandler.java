package net.p2pnet.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import net.p2pnet.model.bencode.BencodeException;
import net.p2pnet.model.torrent.InvalidTorrentException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns the errors a user can cause (missing or unreadable file, malformed input, an output that
 * exists) into one line on stderr and exit status 2, as a Unix tool does; a stack trace would only
 * hide the cause. Anything else is a bug and keeps picocli's default (stack trace, status 1).
 */
public final class CliErrorHandler implements IExecutionExceptionHandler {

    public static final int USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) throws Exception {
        String message = message(e);
        if (message == null) {
            throw e;
        }
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + message);
        command.getErr().flush();
        return USER_ERROR;
    }

    private static String message(Exception e) {
        return switch (e) {
            case UncheckedIOException u -> message(u.getCause());
            case NoSuchFileException f -> "no such file or directory: " + f.getFile();
            case AccessDeniedException f -> "permission denied: " + f.getFile();
            case FileAlreadyExistsException f -> f.getFile() + " already exists (use --force to replace it)";
            case FileSystemException f -> f.getMessage();
            case IOException io -> io.getMessage();
            case InvalidTorrentException t -> t.getMessage();
            case BencodeException b -> b.getMessage();
            case IllegalArgumentException a -> a.getMessage();
            default -> null;
        };
    }
}

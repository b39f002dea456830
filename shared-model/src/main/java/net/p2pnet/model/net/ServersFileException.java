package net.p2pnet.model.net;

import java.util.List;

/** A SERVERS file has malformed lines; the message lists each with its line number. */
public class ServersFileException extends IllegalArgumentException {

    private final transient List<ServersFile.LineError> errors;

    public ServersFileException(String message, List<ServersFile.LineError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<ServersFile.LineError> errors() {
        return errors;
    }
}

package net.p2pnet.agent.download;

/** No download has this id (never added, or cancelled). Maps to 404. */
public class UnknownDownloadException extends RuntimeException {
    public UnknownDownloadException(String id) {
        super("no download with id '" + id + "'");
    }
}

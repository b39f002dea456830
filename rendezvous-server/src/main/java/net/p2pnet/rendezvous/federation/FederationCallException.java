package net.p2pnet.rendezvous.federation;

/** A call to another server failed; {@link #kind()} decides what its state becomes. */
class FederationCallException extends Exception {

    enum Kind {
        /** No answer (connection refused, timeout): UNREACHABLE, retried with backoff. */
        UNREACHABLE,
        /** It refused our credentials or we refused its proof: REFUSED, or a new handshake. */
        REFUSED,
        /** It answered with another error: logged, retried with backoff. */
        FAILED
    }

    private final Kind kind;

    FederationCallException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}

package net.p2pnet.model.api;

/**
 * A request a service refuses, with the HTTP status and the one-line detail the client sees in the
 * RFC 9457 problem (each service's exception handler renders it). Thrown before anything is stored,
 * so a refused request changes nothing. Here, without Spring, so every service refuses the same way.
 */
public class RequestRefused extends RuntimeException {

    private final int status;

    public RequestRefused(int status, String detail) {
        super(detail);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a refusal has an HTTP error status, not " + status);
        }
        this.status = status;
    }

    /** The HTTP status code (4xx or 5xx). */
    public int status() {
        return status;
    }

    public static RequestRefused badRequest(String detail) {
        return new RequestRefused(400, detail);
    }

    public static RequestRefused unauthorized(String detail) {
        return new RequestRefused(401, detail);
    }

    public static RequestRefused forbidden(String detail) {
        return new RequestRefused(403, detail);
    }

    public static RequestRefused notFound(String detail) {
        return new RequestRefused(404, detail);
    }

    public static RequestRefused conflict(String detail) {
        return new RequestRefused(409, detail);
    }

    public static RequestRefused tooLarge(String detail) {
        return new RequestRefused(413, detail);
    }
}

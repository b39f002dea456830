package net.p2pnet.model.api;

import java.util.Map;
import java.util.Optional;

/**
 * A client error: a request a service refuses, with the HTTP status and the one-line detail the
 * client sees in the RFC 9457 problem (service-support's one exception handler renders it). Thrown
 * before anything is stored, so a refused request changes nothing. The dedicated type for client
 * errors: an {@link IllegalArgumentException} that reaches a service's edge is a bug (500), never a
 * 400. Here, without Spring, so every service and the plain-Java code under it refuse the same way.
 */
public class RequestRefused extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, String> headers;

    public RequestRefused(int status, String detail) {
        this(status, null, detail, Map.of());
    }

    /** @param title the problem's title; {@code null} for the status's reason phrase */
    public RequestRefused(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    /** @param headers response headers the refusal needs ({@code Retry-After}, {@code WWW-Authenticate}) */
    protected RequestRefused(int status, String title, String detail, Map<String, String> headers) {
        super(detail);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a refusal has an HTTP error status, not " + status);
        }
        this.status = status;
        this.title = title;
        this.headers = Map.copyOf(headers);
    }

    /** The HTTP status code (4xx or 5xx). */
    public int status() {
        return status;
    }

    /** The problem's title, when it should say more than the status's reason phrase. */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /** Headers the answer carries besides the problem body. */
    public Map<String, String> headers() {
        return headers;
    }

    public static RequestRefused badRequest(String detail) {
        return new RequestRefused(400, detail);
    }

    public static RequestRefused unauthorized(String detail) {
        return new RequestRefused(401, detail);
    }

    /** A 401 whose {@code WWW-Authenticate} names another scheme than the default {@code Bearer}. */
    public static RequestRefused unauthorized(String detail, String challenge) {
        return new RequestRefused(401, null, detail, Map.of("WWW-Authenticate", challenge));
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

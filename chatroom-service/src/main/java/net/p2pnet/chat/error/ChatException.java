package net.p2pnet.chat.error;

import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, with the HTTP status and the one-line reason the client sees as the
 * problem detail. Thrown before anything is stored, so a refused request changes nothing.
 */
public class ChatException extends RuntimeException {

    private final HttpStatus status;

    public ChatException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    public static ChatException badRequest(String detail) {
        return new ChatException(HttpStatus.BAD_REQUEST, detail);
    }

    public static ChatException notFound(String detail) {
        return new ChatException(HttpStatus.NOT_FOUND, detail);
    }

    public static ChatException conflict(String detail) {
        return new ChatException(HttpStatus.CONFLICT, detail);
    }

    public static ChatException forbidden(String detail) {
        return new ChatException(HttpStatus.FORBIDDEN, detail);
    }

    public static ChatException unauthorized(String detail) {
        return new ChatException(HttpStatus.UNAUTHORIZED, detail);
    }
}

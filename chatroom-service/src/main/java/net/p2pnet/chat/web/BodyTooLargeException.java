package net.p2pnet.chat.web;

import java.io.IOException;

/**
 * A request body passed {@code p2pnet.chatroom.max-body}. Thrown by the body stream itself, so it
 * reaches the error handler wrapped by whatever was reading (Jackson, Spring's converters).
 */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(String message) {
        super(message);
    }
}

package net.p2pnet.support.body;

import java.io.IOException;

/**
 * A request body passed its cap. Thrown by the capped body stream itself, and an IOException so
 * that every reader (Jackson, Spring's converters) passes it on; the error handler finds it in the
 * cause chain and answers 413.
 */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(String message) {
        super(message);
    }
}

package net.p2pnet.tracker.http;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.buf.MessageBytes;

/**
 * Blanks passkeys out of the request line once a request has been answered, before Tomcat writes
 * its access log entry ({@code server.tomcat.accesslog.*}), which is taken after the whole pipeline:
 * {@code /a/<passkey>/announce} becomes {@code /a/-/announce} and {@code passkey=<passkey>} becomes
 * {@code passkey=-}. A passkey is a member's credential; log files travel further than the tracker.
 */
public final class PasskeyRedactionValve extends ValveBase {

    private static final Pattern PATH_PASSKEY = Pattern.compile("^/a/[^/]*/");
    private static final Pattern QUERY_PASSKEY = Pattern.compile("(^|&)passkey=[^&]*");

    public PasskeyRedactionValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            getNext().invoke(request, response);
        } finally {
            org.apache.coyote.Request coyote = request.getCoyoteRequest();
            redact(coyote.requestURI(), PATH_PASSKEY, "/a/-/");
            redact(coyote.decodedURI(), PATH_PASSKEY, "/a/-/");
            redact(coyote.queryString(), QUERY_PASSKEY, "$1passkey=-");
        }
    }

    private static void redact(MessageBytes bytes, Pattern pattern, String replacement) {
        if (bytes.isNull()) {
            return;
        }
        String text = bytes.toString();
        String redacted = pattern.matcher(text).replaceAll(replacement);
        if (!redacted.equals(text)) {
            bytes.setString(redacted);
        }
    }
}

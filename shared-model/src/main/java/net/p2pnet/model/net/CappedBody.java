package net.p2pnet.model.net;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body is counted as it is read and refused at the first byte past the cap, for the
 * REST services' body-limit filters: a chunked body has no length to check in advance. A declared
 * length over the cap is refused at the first read, before a byte is taken. Never more than one byte
 * past the cap is taken from the socket. How a refusal is answered stays with each service: its
 * {@link Refusal} throws what its error handling turns into a 413.
 */
public final class CappedBody extends HttpServletRequestWrapper {

    /** Throws what a reader of a body over the cap gets (an IOException, or an unchecked one the framework answers). */
    @FunctionalInterface
    public interface Refusal {
        /**
         * @param declared the length the request announced beyond the cap, or -1 when the body passed
         *                 the cap as it arrived
         */
        void refuse(long declared) throws IOException;
    }

    private final long limit;
    private final Refusal refusal;
    private ServletInputStream stream;

    public CappedBody(HttpServletRequest request, long limit, Refusal refusal) {
        super(request);
        this.limit = limit;
        this.refusal = refusal;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new CountingStream(super.getInputStream(), getContentLengthLong(), limit, refusal);
        }
        return stream;
    }

    /** Built on the capped stream: the wrapped request's own reader would bypass the cap. */
    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long declared;
        private final long limit;
        private final Refusal refusal;
        private long count;

        CountingStream(ServletInputStream in, long declared, long limit, Refusal refusal) {
            this.in = in;
            this.declared = declared;
            this.limit = limit;
            this.refusal = refusal;
        }

        @Override
        public int read() throws IOException {
            requireWithinCap();
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            requireWithinCap();
            int n = in.read(buffer, offset, (int) Math.min(length, limit + 1 - count));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void requireWithinCap() throws IOException {
            if (declared > limit) {
                refuse(declared);
            }
            if (count > limit) {
                refuse(-1);
            }
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > limit) {
                refuse(-1);
            }
        }

        private void refuse(long declaredLength) throws IOException {
            refusal.refuse(declaredLength);
            // a refusal that did not throw must not let the body through
            throw new IOException("the request body is larger than the " + limit + " bytes accepted");
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}

package net.p2pnet.model.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads answers of other machines with a budget: every HTTP client of every service takes bodies
 * through here, so that a server answering with gigabytes (or an endless chunked stream) costs at
 * most the cap the caller expects, and a server that stalls mid-body costs at most a deadline. A
 * declared {@code Content-Length} above the cap is refused before a byte of the body is read.
 */
public final class BoundedBody {

    /** What a JSON answer of any of our APIs may take: none comes near it. */
    public static final int JSON = 1 << 20;
    /** Error bodies (problem details) are only shown in messages: a little is enough. */
    public static final int ERROR = 64 * 1024;

    private BoundedBody() {
    }

    /** An answer (or a declared length) beyond the cap: the exchange was abandoned. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(String message) {
            super(message);
        }
    }

    /** A handler collecting at most {@code max} bytes; more fails the exchange with {@link TooLargeException}. */
    public static HttpResponse.BodyHandler<byte[]> bytes(int max) {
        return info -> new Capped(max, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    /** As {@link #bytes}, decoded as UTF-8. */
    public static HttpResponse.BodyHandler<String> text(int max) {
        return info -> HttpResponse.BodySubscribers.mapping(bytes(max).apply(info),
                body -> new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Sends and waits at most {@code deadline} for the whole answer, body included: the JDK client's
     * request timeout ends when the head arrives, so a server dripping its body would hold the caller
     * for ever. On the deadline the exchange is cancelled (its connection closed).
     */
    public static <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                           Duration deadline) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<T>> answer = http.sendAsync(request, handler);
        try {
            return answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new IOException(where(request) + " did not answer completely within " + deadline.toSeconds() + " s");
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(where(request) + ": " + cause, cause);
        }
    }

    /** For messages: never the query, which may carry a credential (a tracker passkey). */
    private static String where(HttpRequest request) {
        return request.uri().getScheme() + "://" + request.uri().getRawAuthority() + request.uri().getRawPath();
    }

    /** At most {@code max} bytes of {@code in}; more is a {@link TooLargeException} naming {@code what}. */
    public static byte[] read(InputStream in, int max, String what) throws IOException {
        byte[] body = in.readNBytes(max);
        if (in.read() >= 0) {
            throw tooLarge(what, max);
        }
        return body;
    }

    /**
     * Reads one line (up to LF; a CR before it is dropped) of at most {@code max} bytes as UTF-8, or
     * null at the end of the stream. Streams of lines (Server-Sent Events) never end by design, so
     * only their lines can be bounded.
     */
    public static String readLine(InputStream in, int max) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (line.size() >= max) {
                throw new TooLargeException("a line of more than " + max + " bytes");
            }
            line.write(b);
        }
        if (b < 0 && line.size() == 0) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private static TooLargeException tooLarge(String what, long max) {
        return new TooLargeException(what + " is larger than the " + max + " bytes accepted");
    }

    /** Collects the body while it stays within the cap; cancelling the subscription closes the connection. */
    private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final long declared;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream body;
        private Flow.Subscription subscription;

        Capped(int max, long declared) {
            this.max = max;
            this.declared = declared;
            this.body = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 256), Math.min(max, 64 * 1024)));
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (declared > max) {
                subscription.cancel();
                result.completeExceptionally(tooLarge("an answer of " + declared + " bytes", max));
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if ((long) body.size() + item.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(tooLarge("the answer", max));
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                body.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(body.toByteArray());
        }
    }
}

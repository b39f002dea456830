package net.p2pnet.chat;

import static net.p2pnet.chat.BadInputTest.assertProblem;
import static net.p2pnet.chat.ConversationTest.create;
import static net.p2pnet.chat.ConversationTest.join;
import static net.p2pnet.chat.ConversationTest.say;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.p2pnet.chat.support.ChatClient;
import net.p2pnet.chat.support.ChatServiceTestBase;
import org.junit.jupiter.api.Test;

/**
 * The review's attack: a body sent chunked (no Content-Length) slipped past the size check and was
 * read whole. Bytes are counted as they arrive now, on every endpoint.
 */
class ChunkedBodyTest extends ChatServiceTestBase {

    private static final int CAP = 64 * 1024;

    @Test
    void aChunkedBodyPastTheCapIs413WhileAnotherMemberPostsNormally() throws Exception {
        String room = uniqueName("chunked");
        ChatClient alice = peer(uniqueName("alice"));
        ChatClient bob = peer(uniqueName("bob"));
        create(alice, room);
        join(alice, room, "alice");
        join(bob, room, "bob");
        String path = "/api/v1/rooms/" + room + "/messages";

        CountDownLatch halfSent = new CountDownLatch(1);
        CountDownLatch bobPosted = new CountDownLatch(1);
        InputStream body = new MessageOfSize(4 * CAP, CAP / 2, halfSent, bobPosted);
        try (ExecutorService uploader = Executors.newSingleThreadExecutor()) {
            Future<HttpResponse<String>> upload = uploader.submit(() -> alice.postChunked(path, null, () -> body));
            assertThat(halfSent.await(30, TimeUnit.SECONDS)).isTrue();
            say(bob, room, "still served"); // while alice's upload is open, half sent
            bobPosted.countDown();

            HttpResponse<String> refused = upload.get(60, TimeUnit.SECONDS);
            assertThat(refused.request().headers().firstValue("Content-Length")).isEmpty();
            assertProblem(refused, 413, "at most " + CAP);
            assertThat(ChatClient.json(refused).get("detail").asString()).contains("as it arrived");
        }
        assertThat(ChatClient.json(bob.get(path)).findValuesAsString("text")).containsExactly("still served");
        // alice is not locked out: a normal message goes through afterwards
        say(alice, room, "small");
    }

    @Test
    void aChunkedBodyWithinTheCapIsAccepted() {
        String room = uniqueName("chunked-ok");
        ChatClient alice = peer(uniqueName("alice"));
        create(alice, room);
        join(alice, room, "alice");
        String small = "{\"text\":\"chunked but small\"}";
        HttpResponse<String> posted = alice.postChunked("/api/v1/rooms/" + room + "/messages", small,
                () -> new java.io.ByteArrayInputStream(small.getBytes(StandardCharsets.UTF_8)));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    }

    /** {@code {"text":"xxx…"}} of {@code size} bytes that pauses after {@code pauseAt} bytes until told to go on. */
    private static final class MessageOfSize extends InputStream {

        private final byte[] head = "{\"text\":\"".getBytes(StandardCharsets.US_ASCII);
        private final byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
        private final int size;
        private final int pauseAt;
        private final CountDownLatch paused;
        private final CountDownLatch resume;
        private int position;

        MessageOfSize(int size, int pauseAt, CountDownLatch paused, CountDownLatch resume) {
            this.size = size;
            this.pauseAt = pauseAt;
            this.paused = paused;
            this.resume = resume;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            if (position == pauseAt) {
                paused.countDown();
                try {
                    resume.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int at = position++;
            if (at < head.length) {
                return head[at];
            }
            return at >= size - tail.length ? tail[at - (size - tail.length)] : 'x';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            // small reads, so the pause falls where it should and the body goes out in many chunks
            int n = 0;
            for (int b; n < Math.min(length, 4096) && (b = read()) >= 0; n++) {
                buffer[offset + n] = (byte) b;
                if (position == pauseAt) {
                    return n + 1;
                }
            }
            return n == 0 ? -1 : n;
        }
    }
}

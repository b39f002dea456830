package net.p2pnet.agent.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Any bytes on the transfer port read as request heads, a BadRequestException (with its HTTP status
 * and a short detail) or the EOFException of a closed connection, never another exception; and no
 * head takes more than its budget. Jazzer target (corpus in {@code RequestHeadFuzzTestInputs/}; see
 * docs/fuzzing.md).
 */
class RequestHeadFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBytesAreARequestHeadOrABadRequest(byte[] input) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(input);
        // keep-alive: one connection may carry several heads back to back
        while (true) {
            int before = in.available();
            try {
                RequestHead head = RequestHead.read(in);
                assertThat(before - in.available()).isLessThanOrEqualTo(RequestHead.MAX_HEAD_BYTES);
                assertThat(head.rawPath()).startsWith("/");
                assertThat(head.fields()).hasSizeLessThanOrEqualTo(RequestHead.MAX_FIELDS);
            } catch (RequestHead.BadRequestException expected) {
                assertThat(expected.status()).isIn(400, 414, 431, 505);
                assertThat(expected.getMessage()).hasSizeLessThan(600);
                return;
            } catch (EOFException closed) {
                return;
            }
        }
    }
}

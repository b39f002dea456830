package net.p2pnet.model.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.junit.jupiter.api.Test;

class Md4LanesTest {

    @Test
    void everyLaneEqualsBouncyCastleForAnyCountLengthAndBufferKind() {
        Random random = new Random(4);
        for (int round = 0; round < 60; round++) {
            int count = 1 + random.nextInt(35); // one to more than two batches of sixteen
            List<Md4> digests = new ArrayList<>();
            List<ByteBuffer> buffers = new ArrayList<>();
            List<MD4Digest> expected = new ArrayList<>();
            boolean sameLength = random.nextBoolean();
            int length = random.nextInt(40_000);
            for (int i = 0; i < count; i++) {
                byte[] prefix = new byte[64 * random.nextInt(4)]; // fed before: digests at a block boundary
                random.nextBytes(prefix);
                byte[] data = new byte[sameLength ? length : random.nextInt(40_000)];
                random.nextBytes(data);
                Md4 md4 = new Md4();
                md4.update(prefix);
                digests.add(md4);
                buffers.add(bufferOf(data, random));
                MD4Digest reference = new MD4Digest();
                reference.update(prefix, 0, prefix.length);
                reference.update(data, 0, data.length);
                expected.add(reference);
            }

            Md4Lanes.update(digests, buffers);

            for (int i = 0; i < count; i++) {
                byte[] want = new byte[16];
                expected.get(i).doFinal(want, 0);
                assertThat(digests.get(i).digest()).as("round %d, lane %d of %d", round, i, count).isEqualTo(want);
                assertThat(buffers.get(i).hasRemaining()).isFalse();
            }
        }
    }

    /** A buffer with the data between its position and limit, sometimes direct, sometimes not at its start. */
    private static ByteBuffer bufferOf(byte[] data, Random random) {
        int before = random.nextInt(3) * 7;
        ByteBuffer buffer = random.nextInt(4) == 0 ? ByteBuffer.allocate(before + data.length + 5)
                : ByteBuffer.allocateDirect(before + data.length + 5);
        buffer.position(before).put(data).flip().position(before);
        return buffer;
    }

    @Test
    void aDigestInTheMiddleOfABlockIsRefused() {
        Md4 ready = new Md4();
        Md4 midBlock = new Md4();
        midBlock.update(new byte[10]);

        assertThatThrownBy(() -> Md4Lanes.update(List.of(ready, midBlock),
                List.of(ByteBuffer.allocateDirect(64), ByteBuffer.allocateDirect(64))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("block boundary");
        assertThatThrownBy(() -> Md4Lanes.update(List.of(ready), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Where the build had gcc on Linux x86-64, the jar carries the native code, and a processor with
     * AVX-512 runs it: a silent fallback to Java would only show as a slower benchmark.
     */
    @Test
    void theNativeCodeIsBuiltAndUsedWhereItCanBe() throws IOException {
        boolean buildable = Files.exists(Path.of("/usr/bin/gcc")) && "amd64".equals(System.getProperty("os.arch"))
                && System.getProperty("os.name").startsWith("Linux");
        if (!buildable) {
            assertThat(Md4Lanes.width()).isEqualTo(2);
            return;
        }
        assertThat(Md4Lanes.class.getResource("native/linux-x86_64/libp2pnet-md4.so")).isNotNull();
        boolean avx512 = Files.readString(Path.of("/proc/cpuinfo")).contains(" avx512f ");
        if (avx512 && Boolean.parseBoolean(System.getProperty("p2pnet.md4.native", "true"))) {
            assertThat(Md4Lanes.implementation()).startsWith("native");
            assertThat(Md4Lanes.width()).isEqualTo(16);
        } else {
            assertThat(Md4Lanes.implementation()).startsWith("Java");
        }
    }
}

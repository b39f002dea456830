package net.p2pnet.model.hash;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Random;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * Plain-loop throughput comparison behind the choice of our own {@link Md4} (run by
 * {@code bench/md4.sh}, figures in docs/benchmarks.md): Bouncy Castle's MD4Digest, {@code Md4} on
 * one stream, {@code Md4.updatePair} on two, {@link Md4Lanes} on as many as it takes (sixteen with
 * the native code), and the JDK's SHA-1 for scale. One thread, one
 * ed2k chunk of random bytes in a direct buffer, best of several rounds after warm-up.
 */
public final class Md4Benchmark {

    private static final int ROUNDS = 7;
    private static final int REPEAT = 20;

    private Md4Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        byte[] data = new byte[Ed2kHash.CHUNK_SIZE];
        new Random(1).nextBytes(data);
        ByteBuffer one = ByteBuffer.allocateDirect(data.length).put(data).flip();
        ByteBuffer two = ByteBuffer.allocateDirect(data.length).put(data).flip();
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        report("Bouncy Castle MD4Digest (byte[])", data.length, () -> {
            MD4Digest digest = new MD4Digest();
            digest.update(data, 0, data.length);
            digest.doFinal(new byte[16], 0);
        });
        report("p2pnet Md4, one stream (direct buffer)", data.length, () -> {
            Md4 md4 = new Md4();
            md4.update(one.duplicate());
            md4.digest();
        });
        report("p2pnet Md4.updatePair, two streams", 2L * data.length, () -> {
            Md4 first = new Md4();
            Md4 second = new Md4();
            Md4.updatePair(first, one.duplicate(), second, two.duplicate());
            first.digest();
            second.digest();
        });
        java.util.List<ByteBuffer> chunks = new java.util.ArrayList<>();
        for (int lane = 0; lane < Md4Lanes.width(); lane++) {
            chunks.add(ByteBuffer.allocateDirect(data.length).put(data).flip());
        }
        report("p2pnet Md4Lanes, " + chunks.size() + " streams", (long) chunks.size() * data.length, () -> {
            java.util.List<Md4> digests = new java.util.ArrayList<>();
            java.util.List<ByteBuffer> views = new java.util.ArrayList<>();
            for (ByteBuffer chunk : chunks) {
                digests.add(new Md4());
                views.add(chunk.duplicate());
            }
            Md4Lanes.update(digests, views);
            digests.forEach(Md4::digest);
        });
        System.out.println("(Md4Lanes: " + Md4Lanes.implementation() + ")");
        report("JDK SHA-1 (direct buffer), for scale", data.length, () -> {
            sha1.update(one.duplicate());
            sha1.digest();
        });
    }

    private static void report(String name, long bytesPerRun, Runnable run) {
        double best = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < REPEAT; i++) {
                run.run();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.max(best, REPEAT * bytesPerRun / seconds / 1e6);
        }
        System.out.printf("%-44s %6.0f MB/s%n", name, best);
    }
}

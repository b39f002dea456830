package net.p2pnet.model.hash;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * MD4 over many independent messages at once (the chunks of an ed2k hash): sixteen at a time in the
 * lanes of an AVX-512 register through a small native library when this machine can load it, else
 * two at a time in Java ({@link Md4#updatePair}).
 *
 * <p>Why native code: MD4 is most of the CPU of checking and hashing ed2k content, and has no JVM
 * intrinsic; sixteen lanes run ~8 times faster than the Java pair (docs/benchmarks.md, "MD4
 * implementations"). The library is built from {@code src/main/c/md4lanes.c} when the build machine
 * has gcc, and shipped inside this jar for Linux on x86-64; anywhere else, or with
 * {@code -Dp2pnet.md4.native=false}, the Java code does the same work, with the same results.
 */
public final class Md4Lanes {

    /** Lanes of the native code. */
    static final int NATIVE_LANES = 16;
    private static final int BLOCK = 64;
    private static final System.Logger LOG = System.getLogger(Md4Lanes.class.getName());
    private static final String IMPLEMENTATION;
    private static final boolean NATIVE;

    static {
        String why;
        boolean loaded = false;
        try {
            why = load();
            loaded = why == null;
        } catch (IOException | LinkageError | SecurityException e) {
            why = e.toString();
        }
        NATIVE = loaded;
        IMPLEMENTATION = loaded ? "native, " + NATIVE_LANES + " lanes (AVX-512)" : "Java, 2 lanes (" + why + ")";
        LOG.log(Level.DEBUG, "MD4: {0}", IMPLEMENTATION);
    }

    private Md4Lanes() {
    }

    /** How many messages {@link #update} takes at once at full speed. */
    public static int width() {
        return NATIVE ? NATIVE_LANES : 2;
    }

    /** Which code runs, and if it is the Java fallback, why. */
    public static String implementation() {
        return IMPLEMENTATION;
    }

    /**
     * Feeds each digest the remaining bytes of its buffer (heap or direct, any lengths) and consumes
     * the buffers. Every digest must be at a 64-byte block boundary (fed multiples of 64 so far).
     */
    public static void update(List<Md4> digests, List<ByteBuffer> data) {
        if (digests.size() != data.size()) {
            throw new IllegalArgumentException(digests.size() + " digests for " + data.size() + " buffers");
        }
        for (Md4 digest : digests) {
            if (!digest.atBlockBoundary()) {
                throw new IllegalStateException("MD4 lanes need every digest at a block boundary");
            }
        }
        if (NATIVE) {
            // Rounds over the messages with whole blocks left, up to sixteen at a time, as long as
            // there are more than two: for two or fewer the Java pair does as much per second.
            // (Messages of unequal lengths: a round stops at the shortest, the longer ones go on;
            // heap buffers have no address for native code and go to the pairs.)
            List<Md4> laneDigests = new ArrayList<>(NATIVE_LANES);
            List<ByteBuffer> laneData = new ArrayList<>(NATIVE_LANES);
            do {
                laneDigests.clear();
                laneData.clear();
                for (int i = 0; i < data.size() && laneData.size() < NATIVE_LANES; i++) {
                    if (data.get(i).remaining() >= BLOCK && data.get(i).isDirect()) {
                        laneDigests.add(digests.get(i));
                        laneData.add(data.get(i));
                    }
                }
            } while (laneData.size() > 2 && compress(laneDigests, laneData));
        }
        Md4 unpaired = null;
        ByteBuffer unpairedData = null;
        for (int i = 0; i < digests.size(); i++) {
            if (data.get(i).remaining() < BLOCK) {
                continue;
            }
            if (unpaired == null) {
                unpaired = digests.get(i);
                unpairedData = data.get(i);
            } else {
                Md4.updatePair(unpaired, unpairedData, digests.get(i), data.get(i));
                unpaired = null;
            }
        }
        for (int rest = 0; rest < digests.size(); rest++) {
            digests.get(rest).update(data.get(rest));
        }
    }

    /** The whole blocks all (direct) buffers hold, natively; false when nothing was done. */
    private static boolean compress(List<Md4> digests, List<ByteBuffer> data) {
        int lanes = digests.size();
        long blocks = Long.MAX_VALUE;
        ByteBuffer[] views = new ByteBuffer[lanes];
        for (int lane = 0; lane < lanes; lane++) {
            ByteBuffer buffer = data.get(lane);
            if (!buffer.isDirect()) {
                return false;
            }
            views[lane] = buffer.slice();
            blocks = Math.min(blocks, buffer.remaining() / BLOCK);
        }
        if (blocks == 0) {
            return false;
        }
        int[] state = new int[4 * NATIVE_LANES];
        for (int lane = 0; lane < lanes; lane++) {
            digests.get(lane).saveState(state, lane, NATIVE_LANES);
        }
        if (compress0(state, views, lanes, blocks) != 0) {
            return false;
        }
        long bytes = blocks * BLOCK;
        for (int lane = 0; lane < lanes; lane++) {
            digests.get(lane).loadState(state, lane, NATIVE_LANES, bytes);
            data.get(lane).position(data.get(lane).position() + (int) bytes);
        }
        return true;
    }

    /** Null when the native code is loaded and usable, else why not. */
    private static String load() throws IOException {
        if (!Boolean.parseBoolean(System.getProperty("p2pnet.md4.native", "true"))) {
            return "p2pnet.md4.native=false";
        }
        String arch = System.getProperty("os.arch");
        if (!System.getProperty("os.name").startsWith("Linux") || !("amd64".equals(arch) || "x86_64".equals(arch))) {
            return "no native MD4 for " + System.getProperty("os.name") + " on " + arch;
        }
        try (InputStream library = Md4Lanes.class.getResourceAsStream("native/linux-x86_64/libp2pnet-md4.so")) {
            if (library == null) {
                return "this build has no native MD4 (no gcc where it was built)";
            }
            Path file = Files.createTempFile("p2pnet-md4-", ".so");
            try {
                Files.copy(library, file, StandardCopyOption.REPLACE_EXISTING);
                System.load(file.toAbsolutePath().toString());
            } finally {
                Files.deleteIfExists(file); // the loaded library stays mapped
            }
        }
        return supported0() ? null : "this processor has no AVX-512";
    }

    private static native boolean supported0();

    private static native int compress0(int[] state, ByteBuffer[] buffers, int lanes, long blocks);
}

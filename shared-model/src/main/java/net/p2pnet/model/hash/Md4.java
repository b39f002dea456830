package net.p2pnet.model.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * MD4 (RFC 1320), the digest eDonkey/eMule build the ed2k hash from.
 *
 * <p>Written by hand instead of using Bouncy Castle's {@code MD4Digest} because MD4 is the
 * bottleneck of hashing a file (SHA-1 has a JVM intrinsic, MD4 has none) and this version, with the
 * 16 message words and 4 state words in locals and the 48 steps unrolled, measured markedly faster
 * (see docs/benchmarks.md, "MD4 implementations"). It is checked against Bouncy Castle over random
 * inputs and the RFC 1320 test suite. Not thread-safe.
 */
public final class Md4 {

    public static final int DIGEST_LENGTH = 16;
    private static final int BLOCK = 64;
    private static final VarHandle LE_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int R2 = 0x5a827999;
    private static final int R3 = 0x6ed9eba1;

    private int a;
    private int b;
    private int c;
    private int d;
    private final byte[] pending = new byte[BLOCK];
    private int pendingLength;
    private long length;

    public Md4() {
        reset();
    }

    public void reset() {
        a = 0x67452301;
        b = 0xefcdab89;
        c = 0x98badcfe;
        d = 0x10325476;
        pendingLength = 0;
        length = 0;
    }

    public void update(byte[] data) {
        update(data, 0, data.length);
    }

    public void update(byte[] data, int offset, int len) {
        java.util.Objects.checkFromIndexSize(offset, len, data.length);
        length += len;
        if (pendingLength > 0) {
            int take = Math.min(len, BLOCK - pendingLength);
            System.arraycopy(data, offset, pending, pendingLength, take);
            pendingLength += take;
            offset += take;
            len -= take;
            if (pendingLength < BLOCK) {
                return;
            }
            block(pending, 0);
            pendingLength = 0;
        }
        int end = offset + len - BLOCK;
        for (; offset <= end; offset += BLOCK) {
            block(data, offset);
        }
        int rest = end + BLOCK - offset;
        System.arraycopy(data, offset, pending, 0, rest);
        pendingLength = rest;
    }

    /** Consumes the buffer's remaining bytes (heap or direct). */
    public void update(ByteBuffer data) {
        if (data.hasArray()) {
            update(data.array(), data.arrayOffset() + data.position(), data.remaining());
            data.position(data.limit());
            return;
        }
        ByteBuffer le = data.slice().order(ByteOrder.LITTLE_ENDIAN);
        int len = le.remaining();
        length += len;
        data.position(data.limit());
        int at = 0;
        if (pendingLength > 0) {
            at = Math.min(len, BLOCK - pendingLength);
            le.get(0, pending, pendingLength, at);
            pendingLength += at;
            if (pendingLength < BLOCK) {
                return;
            }
            block(pending, 0);
            pendingLength = 0;
        }
        for (; at + BLOCK <= len; at += BLOCK) {
            block(le, at);
        }
        le.get(at, pending, 0, len - at);
        pendingLength = len - at;
    }

    /** Finishes the digest and resets this instance for reuse. */
    public byte[] digest() {
        long bits = length << 3;
        int padLength = (pendingLength < 56 ? 56 : 120) - pendingLength;
        byte[] pad = new byte[padLength + 8];
        pad[0] = (byte) 0x80;
        for (int i = 0; i < 8; i++) {
            pad[padLength + i] = (byte) (bits >>> (8 * i));
        }
        update(pad, 0, pad.length);
        byte[] out = new byte[DIGEST_LENGTH];
        LE_INT.set(out, 0, a);
        LE_INT.set(out, 4, b);
        LE_INT.set(out, 8, c);
        LE_INT.set(out, 12, d);
        reset();
        return out;
    }

    /** MD4 of a whole array in one call. */
    public static byte[] digest(byte[] data) {
        Md4 md4 = new Md4();
        md4.update(data);
        return md4.digest();
    }

    private void block(byte[] m, int o) {
        compress((int) LE_INT.get(m, o), (int) LE_INT.get(m, o + 4), (int) LE_INT.get(m, o + 8),
                (int) LE_INT.get(m, o + 12), (int) LE_INT.get(m, o + 16), (int) LE_INT.get(m, o + 20),
                (int) LE_INT.get(m, o + 24), (int) LE_INT.get(m, o + 28), (int) LE_INT.get(m, o + 32),
                (int) LE_INT.get(m, o + 36), (int) LE_INT.get(m, o + 40), (int) LE_INT.get(m, o + 44),
                (int) LE_INT.get(m, o + 48), (int) LE_INT.get(m, o + 52), (int) LE_INT.get(m, o + 56),
                (int) LE_INT.get(m, o + 60));
    }

    private void block(ByteBuffer m, int o) {
        compress(m.getInt(o), m.getInt(o + 4), m.getInt(o + 8), m.getInt(o + 12), m.getInt(o + 16),
                m.getInt(o + 20), m.getInt(o + 24), m.getInt(o + 28), m.getInt(o + 32), m.getInt(o + 36),
                m.getInt(o + 40), m.getInt(o + 44), m.getInt(o + 48), m.getInt(o + 52), m.getInt(o + 56),
                m.getInt(o + 60));
    }

    // RFC 1320 section 3.4, rounds 1-3 unrolled; the message words stay in registers.
    @SuppressWarnings("checkstyle:ParameterNumber")
    private void compress(int x0, int x1, int x2, int x3, int x4, int x5, int x6, int x7, int x8, int x9,
            int x10, int x11, int x12, int x13, int x14, int x15) {
        int aa = a;
        int bb = b;
        int cc = c;
        int dd = d;

        aa = Integer.rotateLeft(aa + x0 + (((cc ^ dd) & bb) ^ dd), 3);
        dd = Integer.rotateLeft(dd + x1 + (((bb ^ cc) & aa) ^ cc), 7);
        cc = Integer.rotateLeft(cc + x2 + (((aa ^ bb) & dd) ^ bb), 11);
        bb = Integer.rotateLeft(bb + x3 + (((dd ^ aa) & cc) ^ aa), 19);
        aa = Integer.rotateLeft(aa + x4 + (((cc ^ dd) & bb) ^ dd), 3);
        dd = Integer.rotateLeft(dd + x5 + (((bb ^ cc) & aa) ^ cc), 7);
        cc = Integer.rotateLeft(cc + x6 + (((aa ^ bb) & dd) ^ bb), 11);
        bb = Integer.rotateLeft(bb + x7 + (((dd ^ aa) & cc) ^ aa), 19);
        aa = Integer.rotateLeft(aa + x8 + (((cc ^ dd) & bb) ^ dd), 3);
        dd = Integer.rotateLeft(dd + x9 + (((bb ^ cc) & aa) ^ cc), 7);
        cc = Integer.rotateLeft(cc + x10 + (((aa ^ bb) & dd) ^ bb), 11);
        bb = Integer.rotateLeft(bb + x11 + (((dd ^ aa) & cc) ^ aa), 19);
        aa = Integer.rotateLeft(aa + x12 + (((cc ^ dd) & bb) ^ dd), 3);
        dd = Integer.rotateLeft(dd + x13 + (((bb ^ cc) & aa) ^ cc), 7);
        cc = Integer.rotateLeft(cc + x14 + (((aa ^ bb) & dd) ^ bb), 11);
        bb = Integer.rotateLeft(bb + x15 + (((dd ^ aa) & cc) ^ aa), 19);

        aa = Integer.rotateLeft(aa + x0 + R2 + (((cc | dd) & bb) | (cc & dd)), 3);
        dd = Integer.rotateLeft(dd + x4 + R2 + (((bb | cc) & aa) | (bb & cc)), 5);
        cc = Integer.rotateLeft(cc + x8 + R2 + (((aa | bb) & dd) | (aa & bb)), 9);
        bb = Integer.rotateLeft(bb + x12 + R2 + (((dd | aa) & cc) | (dd & aa)), 13);
        aa = Integer.rotateLeft(aa + x1 + R2 + (((cc | dd) & bb) | (cc & dd)), 3);
        dd = Integer.rotateLeft(dd + x5 + R2 + (((bb | cc) & aa) | (bb & cc)), 5);
        cc = Integer.rotateLeft(cc + x9 + R2 + (((aa | bb) & dd) | (aa & bb)), 9);
        bb = Integer.rotateLeft(bb + x13 + R2 + (((dd | aa) & cc) | (dd & aa)), 13);
        aa = Integer.rotateLeft(aa + x2 + R2 + (((cc | dd) & bb) | (cc & dd)), 3);
        dd = Integer.rotateLeft(dd + x6 + R2 + (((bb | cc) & aa) | (bb & cc)), 5);
        cc = Integer.rotateLeft(cc + x10 + R2 + (((aa | bb) & dd) | (aa & bb)), 9);
        bb = Integer.rotateLeft(bb + x14 + R2 + (((dd | aa) & cc) | (dd & aa)), 13);
        aa = Integer.rotateLeft(aa + x3 + R2 + (((cc | dd) & bb) | (cc & dd)), 3);
        dd = Integer.rotateLeft(dd + x7 + R2 + (((bb | cc) & aa) | (bb & cc)), 5);
        cc = Integer.rotateLeft(cc + x11 + R2 + (((aa | bb) & dd) | (aa & bb)), 9);
        bb = Integer.rotateLeft(bb + x15 + R2 + (((dd | aa) & cc) | (dd & aa)), 13);

        aa = Integer.rotateLeft(aa + x0 + R3 + (bb ^ (cc ^ dd)), 3);
        dd = Integer.rotateLeft(dd + x8 + R3 + (aa ^ (bb ^ cc)), 9);
        cc = Integer.rotateLeft(cc + x4 + R3 + (dd ^ (aa ^ bb)), 11);
        bb = Integer.rotateLeft(bb + x12 + R3 + (cc ^ (dd ^ aa)), 15);
        aa = Integer.rotateLeft(aa + x2 + R3 + (bb ^ (cc ^ dd)), 3);
        dd = Integer.rotateLeft(dd + x10 + R3 + (aa ^ (bb ^ cc)), 9);
        cc = Integer.rotateLeft(cc + x6 + R3 + (dd ^ (aa ^ bb)), 11);
        bb = Integer.rotateLeft(bb + x14 + R3 + (cc ^ (dd ^ aa)), 15);
        aa = Integer.rotateLeft(aa + x1 + R3 + (bb ^ (cc ^ dd)), 3);
        dd = Integer.rotateLeft(dd + x9 + R3 + (aa ^ (bb ^ cc)), 9);
        cc = Integer.rotateLeft(cc + x5 + R3 + (dd ^ (aa ^ bb)), 11);
        bb = Integer.rotateLeft(bb + x13 + R3 + (cc ^ (dd ^ aa)), 15);
        aa = Integer.rotateLeft(aa + x3 + R3 + (bb ^ (cc ^ dd)), 3);
        dd = Integer.rotateLeft(dd + x11 + R3 + (aa ^ (bb ^ cc)), 9);
        cc = Integer.rotateLeft(cc + x7 + R3 + (dd ^ (aa ^ bb)), 11);
        bb = Integer.rotateLeft(bb + x15 + R3 + (cc ^ (dd ^ aa)), 15);

        a += aa;
        b += bb;
        c += cc;
        d += dd;
    }

    boolean atBlockBoundary() {
        return pendingLength == 0;
    }

    /** Puts a, b, c, d at {@code lane} of a word-major state of {@code width} lanes. */
    void saveState(int[] words, int lane, int width) {
        words[lane] = a;
        words[width + lane] = b;
        words[2 * width + lane] = c;
        words[3 * width + lane] = d;
    }

    /** Takes a, b, c, d back from {@link #saveState} after {@code bytes} more whole blocks were compressed. */
    void loadState(int[] words, int lane, int width, long bytes) {
        a = words[lane];
        b = words[width + lane];
        c = words[2 * width + lane];
        d = words[3 * width + lane];
        length += bytes;
    }

    /**
     * Feeds the same number of whole blocks to two digests in one loop, as many as both buffers
     * hold, and advances both buffers past them; the caller {@link #update(ByteBuffer) updates} each
     * with what is left. Both digests must be at a block boundary.
     *
     * <p>Why: one MD4 stream is latency-bound (every step waits for the previous one), so a core
     * running two independent streams side by side does 1.2 to 1.5 times the work (measured). ed2k
     * chunks are independent, which gives us the second stream for free (docs/benchmarks.md).
     */
    public static void updatePair(Md4 first, ByteBuffer firstData, Md4 second, ByteBuffer secondData) {
        if (!first.atBlockBoundary() || !second.atBlockBoundary()) {
            throw new IllegalStateException("paired MD4 update needs both digests at a block boundary");
        }
        ByteBuffer m = firstData.slice().order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer n = secondData.slice().order(ByteOrder.LITTLE_ENDIAN);
        int bytes = Math.min(m.remaining(), n.remaining()) / BLOCK * BLOCK;
        for (int o = 0; o < bytes; o += BLOCK) {
            pairBlock(first, m, second, n, o);
        }
        first.length += bytes;
        second.length += bytes;
        firstData.position(firstData.position() + bytes);
        secondData.position(secondData.position() + bytes);
    }

    /**
     * One 64-byte block of each stream. A method of its own, called per block, so the JIT compiles
     * it once as a whole instead of compiling a long-running loop twice (OSR, then normally): C2
     * time on this big method measurably counted in a one-second CLI run.
     */
    private static void pairBlock(Md4 first, ByteBuffer m, Md4 second, ByteBuffer n, int o) {
        int pa = first.a;
        int pb = first.b;
        int pc = first.c;
        int pd = first.d;
        int qa = second.a;
        int qb = second.b;
        int qc = second.c;
        int qd = second.d;

        int x0 = m.getInt(o + 0);
        int x1 = m.getInt(o + 4);
        int x2 = m.getInt(o + 8);
        int x3 = m.getInt(o + 12);
        int x4 = m.getInt(o + 16);
        int x5 = m.getInt(o + 20);
        int x6 = m.getInt(o + 24);
        int x7 = m.getInt(o + 28);
        int x8 = m.getInt(o + 32);
        int x9 = m.getInt(o + 36);
        int x10 = m.getInt(o + 40);
        int x11 = m.getInt(o + 44);
        int x12 = m.getInt(o + 48);
        int x13 = m.getInt(o + 52);
        int x14 = m.getInt(o + 56);
        int x15 = m.getInt(o + 60);
        int y0 = n.getInt(o + 0);
        int y1 = n.getInt(o + 4);
        int y2 = n.getInt(o + 8);
        int y3 = n.getInt(o + 12);
        int y4 = n.getInt(o + 16);
        int y5 = n.getInt(o + 20);
        int y6 = n.getInt(o + 24);
        int y7 = n.getInt(o + 28);
        int y8 = n.getInt(o + 32);
        int y9 = n.getInt(o + 36);
        int y10 = n.getInt(o + 40);
        int y11 = n.getInt(o + 44);
        int y12 = n.getInt(o + 48);
        int y13 = n.getInt(o + 52);
        int y14 = n.getInt(o + 56);
        int y15 = n.getInt(o + 60);

        pa = Integer.rotateLeft(pa + x0 + (((pc ^ pd) & pb) ^ pd), 3);
        qa = Integer.rotateLeft(qa + y0 + (((qc ^ qd) & qb) ^ qd), 3);
        pd = Integer.rotateLeft(pd + x1 + (((pb ^ pc) & pa) ^ pc), 7);
        qd = Integer.rotateLeft(qd + y1 + (((qb ^ qc) & qa) ^ qc), 7);
        pc = Integer.rotateLeft(pc + x2 + (((pa ^ pb) & pd) ^ pb), 11);
        qc = Integer.rotateLeft(qc + y2 + (((qa ^ qb) & qd) ^ qb), 11);
        pb = Integer.rotateLeft(pb + x3 + (((pd ^ pa) & pc) ^ pa), 19);
        qb = Integer.rotateLeft(qb + y3 + (((qd ^ qa) & qc) ^ qa), 19);
        pa = Integer.rotateLeft(pa + x4 + (((pc ^ pd) & pb) ^ pd), 3);
        qa = Integer.rotateLeft(qa + y4 + (((qc ^ qd) & qb) ^ qd), 3);
        pd = Integer.rotateLeft(pd + x5 + (((pb ^ pc) & pa) ^ pc), 7);
        qd = Integer.rotateLeft(qd + y5 + (((qb ^ qc) & qa) ^ qc), 7);
        pc = Integer.rotateLeft(pc + x6 + (((pa ^ pb) & pd) ^ pb), 11);
        qc = Integer.rotateLeft(qc + y6 + (((qa ^ qb) & qd) ^ qb), 11);
        pb = Integer.rotateLeft(pb + x7 + (((pd ^ pa) & pc) ^ pa), 19);
        qb = Integer.rotateLeft(qb + y7 + (((qd ^ qa) & qc) ^ qa), 19);
        pa = Integer.rotateLeft(pa + x8 + (((pc ^ pd) & pb) ^ pd), 3);
        qa = Integer.rotateLeft(qa + y8 + (((qc ^ qd) & qb) ^ qd), 3);
        pd = Integer.rotateLeft(pd + x9 + (((pb ^ pc) & pa) ^ pc), 7);
        qd = Integer.rotateLeft(qd + y9 + (((qb ^ qc) & qa) ^ qc), 7);
        pc = Integer.rotateLeft(pc + x10 + (((pa ^ pb) & pd) ^ pb), 11);
        qc = Integer.rotateLeft(qc + y10 + (((qa ^ qb) & qd) ^ qb), 11);
        pb = Integer.rotateLeft(pb + x11 + (((pd ^ pa) & pc) ^ pa), 19);
        qb = Integer.rotateLeft(qb + y11 + (((qd ^ qa) & qc) ^ qa), 19);
        pa = Integer.rotateLeft(pa + x12 + (((pc ^ pd) & pb) ^ pd), 3);
        qa = Integer.rotateLeft(qa + y12 + (((qc ^ qd) & qb) ^ qd), 3);
        pd = Integer.rotateLeft(pd + x13 + (((pb ^ pc) & pa) ^ pc), 7);
        qd = Integer.rotateLeft(qd + y13 + (((qb ^ qc) & qa) ^ qc), 7);
        pc = Integer.rotateLeft(pc + x14 + (((pa ^ pb) & pd) ^ pb), 11);
        qc = Integer.rotateLeft(qc + y14 + (((qa ^ qb) & qd) ^ qb), 11);
        pb = Integer.rotateLeft(pb + x15 + (((pd ^ pa) & pc) ^ pa), 19);
        qb = Integer.rotateLeft(qb + y15 + (((qd ^ qa) & qc) ^ qa), 19);

        pa = Integer.rotateLeft(pa + x0 + R2 + (((pc | pd) & pb) | (pc & pd)), 3);
        qa = Integer.rotateLeft(qa + y0 + R2 + (((qc | qd) & qb) | (qc & qd)), 3);
        pd = Integer.rotateLeft(pd + x4 + R2 + (((pb | pc) & pa) | (pb & pc)), 5);
        qd = Integer.rotateLeft(qd + y4 + R2 + (((qb | qc) & qa) | (qb & qc)), 5);
        pc = Integer.rotateLeft(pc + x8 + R2 + (((pa | pb) & pd) | (pa & pb)), 9);
        qc = Integer.rotateLeft(qc + y8 + R2 + (((qa | qb) & qd) | (qa & qb)), 9);
        pb = Integer.rotateLeft(pb + x12 + R2 + (((pd | pa) & pc) | (pd & pa)), 13);
        qb = Integer.rotateLeft(qb + y12 + R2 + (((qd | qa) & qc) | (qd & qa)), 13);
        pa = Integer.rotateLeft(pa + x1 + R2 + (((pc | pd) & pb) | (pc & pd)), 3);
        qa = Integer.rotateLeft(qa + y1 + R2 + (((qc | qd) & qb) | (qc & qd)), 3);
        pd = Integer.rotateLeft(pd + x5 + R2 + (((pb | pc) & pa) | (pb & pc)), 5);
        qd = Integer.rotateLeft(qd + y5 + R2 + (((qb | qc) & qa) | (qb & qc)), 5);
        pc = Integer.rotateLeft(pc + x9 + R2 + (((pa | pb) & pd) | (pa & pb)), 9);
        qc = Integer.rotateLeft(qc + y9 + R2 + (((qa | qb) & qd) | (qa & qb)), 9);
        pb = Integer.rotateLeft(pb + x13 + R2 + (((pd | pa) & pc) | (pd & pa)), 13);
        qb = Integer.rotateLeft(qb + y13 + R2 + (((qd | qa) & qc) | (qd & qa)), 13);
        pa = Integer.rotateLeft(pa + x2 + R2 + (((pc | pd) & pb) | (pc & pd)), 3);
        qa = Integer.rotateLeft(qa + y2 + R2 + (((qc | qd) & qb) | (qc & qd)), 3);
        pd = Integer.rotateLeft(pd + x6 + R2 + (((pb | pc) & pa) | (pb & pc)), 5);
        qd = Integer.rotateLeft(qd + y6 + R2 + (((qb | qc) & qa) | (qb & qc)), 5);
        pc = Integer.rotateLeft(pc + x10 + R2 + (((pa | pb) & pd) | (pa & pb)), 9);
        qc = Integer.rotateLeft(qc + y10 + R2 + (((qa | qb) & qd) | (qa & qb)), 9);
        pb = Integer.rotateLeft(pb + x14 + R2 + (((pd | pa) & pc) | (pd & pa)), 13);
        qb = Integer.rotateLeft(qb + y14 + R2 + (((qd | qa) & qc) | (qd & qa)), 13);
        pa = Integer.rotateLeft(pa + x3 + R2 + (((pc | pd) & pb) | (pc & pd)), 3);
        qa = Integer.rotateLeft(qa + y3 + R2 + (((qc | qd) & qb) | (qc & qd)), 3);
        pd = Integer.rotateLeft(pd + x7 + R2 + (((pb | pc) & pa) | (pb & pc)), 5);
        qd = Integer.rotateLeft(qd + y7 + R2 + (((qb | qc) & qa) | (qb & qc)), 5);
        pc = Integer.rotateLeft(pc + x11 + R2 + (((pa | pb) & pd) | (pa & pb)), 9);
        qc = Integer.rotateLeft(qc + y11 + R2 + (((qa | qb) & qd) | (qa & qb)), 9);
        pb = Integer.rotateLeft(pb + x15 + R2 + (((pd | pa) & pc) | (pd & pa)), 13);
        qb = Integer.rotateLeft(qb + y15 + R2 + (((qd | qa) & qc) | (qd & qa)), 13);

        pa = Integer.rotateLeft(pa + x0 + R3 + (pb ^ (pc ^ pd)), 3);
        qa = Integer.rotateLeft(qa + y0 + R3 + (qb ^ (qc ^ qd)), 3);
        pd = Integer.rotateLeft(pd + x8 + R3 + (pa ^ (pb ^ pc)), 9);
        qd = Integer.rotateLeft(qd + y8 + R3 + (qa ^ (qb ^ qc)), 9);
        pc = Integer.rotateLeft(pc + x4 + R3 + (pd ^ (pa ^ pb)), 11);
        qc = Integer.rotateLeft(qc + y4 + R3 + (qd ^ (qa ^ qb)), 11);
        pb = Integer.rotateLeft(pb + x12 + R3 + (pc ^ (pd ^ pa)), 15);
        qb = Integer.rotateLeft(qb + y12 + R3 + (qc ^ (qd ^ qa)), 15);
        pa = Integer.rotateLeft(pa + x2 + R3 + (pb ^ (pc ^ pd)), 3);
        qa = Integer.rotateLeft(qa + y2 + R3 + (qb ^ (qc ^ qd)), 3);
        pd = Integer.rotateLeft(pd + x10 + R3 + (pa ^ (pb ^ pc)), 9);
        qd = Integer.rotateLeft(qd + y10 + R3 + (qa ^ (qb ^ qc)), 9);
        pc = Integer.rotateLeft(pc + x6 + R3 + (pd ^ (pa ^ pb)), 11);
        qc = Integer.rotateLeft(qc + y6 + R3 + (qd ^ (qa ^ qb)), 11);
        pb = Integer.rotateLeft(pb + x14 + R3 + (pc ^ (pd ^ pa)), 15);
        qb = Integer.rotateLeft(qb + y14 + R3 + (qc ^ (qd ^ qa)), 15);
        pa = Integer.rotateLeft(pa + x1 + R3 + (pb ^ (pc ^ pd)), 3);
        qa = Integer.rotateLeft(qa + y1 + R3 + (qb ^ (qc ^ qd)), 3);
        pd = Integer.rotateLeft(pd + x9 + R3 + (pa ^ (pb ^ pc)), 9);
        qd = Integer.rotateLeft(qd + y9 + R3 + (qa ^ (qb ^ qc)), 9);
        pc = Integer.rotateLeft(pc + x5 + R3 + (pd ^ (pa ^ pb)), 11);
        qc = Integer.rotateLeft(qc + y5 + R3 + (qd ^ (qa ^ qb)), 11);
        pb = Integer.rotateLeft(pb + x13 + R3 + (pc ^ (pd ^ pa)), 15);
        qb = Integer.rotateLeft(qb + y13 + R3 + (qc ^ (qd ^ qa)), 15);
        pa = Integer.rotateLeft(pa + x3 + R3 + (pb ^ (pc ^ pd)), 3);
        qa = Integer.rotateLeft(qa + y3 + R3 + (qb ^ (qc ^ qd)), 3);
        pd = Integer.rotateLeft(pd + x11 + R3 + (pa ^ (pb ^ pc)), 9);
        qd = Integer.rotateLeft(qd + y11 + R3 + (qa ^ (qb ^ qc)), 9);
        pc = Integer.rotateLeft(pc + x7 + R3 + (pd ^ (pa ^ pb)), 11);
        qc = Integer.rotateLeft(qc + y7 + R3 + (qd ^ (qa ^ qb)), 11);
        pb = Integer.rotateLeft(pb + x15 + R3 + (pc ^ (pd ^ pa)), 15);
        qb = Integer.rotateLeft(qb + y15 + R3 + (qc ^ (qd ^ qa)), 15);
        first.a += pa;
        first.b += pb;
        first.c += pc;
        first.d += pd;
        second.a += qa;
        second.b += qb;
        second.c += qc;
        second.d += qd;
    }
}

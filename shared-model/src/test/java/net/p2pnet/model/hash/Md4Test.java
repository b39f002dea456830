package net.p2pnet.model.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Md4Test {

    /** RFC 1320, appendix A.5 "Test suite". */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|31d6cfe0d16ae931b73c59d7e0c089c0",
        "a|bde52cb31de33e46245e05fbdbd6fb24",
        "abc|a448017aaf21d8525fc10ae87aa6729d",
        "message digest|d9130a8164549fe818874806e1c7014b",
        "abcdefghijklmnopqrstuvwxyz|d79e1c308aa5bbcdeea8ed63df412da9",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789|043f8582f241db351ce627e153e7f0e4",
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890|"
                + "e33b4ddc9c38f2199c3e7b164fcc0536"})
    void matchesRfc1320TestSuite(String message, String expectedHex) {
        byte[] digest = Md4.digest(message.getBytes(StandardCharsets.US_ASCII));

        assertThat(HexFormat.of().formatHex(digest)).isEqualTo(expectedHex);
    }

    @Test
    void equalsBouncyCastleForRandomInputsFedInRandomPieces() {
        Random random = new Random(1320);
        for (int round = 0; round < 300; round++) {
            byte[] data = new byte[random.nextInt(round < 200 ? 300 : 200_000)];
            random.nextBytes(data);
            Md4 md4 = new Md4();
            for (int at = 0; at < data.length; ) {
                int n = Math.min(data.length - at, random.nextInt(150));
                feed(md4, data, at, n, random.nextInt(3));
                at += n;
            }

            assertThat(md4.digest()).as("%d bytes", data.length).isEqualTo(bouncyCastle(data));
        }
    }

    @Test
    void digestResetsForReuse() {
        Md4 md4 = new Md4();
        md4.update("garbage".getBytes(StandardCharsets.US_ASCII));
        md4.digest();
        md4.update("abc".getBytes(StandardCharsets.US_ASCII));

        assertThat(HexFormat.of().formatHex(md4.digest())).isEqualTo("a448017aaf21d8525fc10ae87aa6729d");
    }

    @Test
    void pairedUpdateEqualsTwoSeparateDigestsForUnequalLengths() {
        Random random = new Random(4);
        for (int round = 0; round < 50; round++) {
            byte[] one = new byte[random.nextInt(5000)];
            byte[] two = new byte[random.nextInt(5000)];
            random.nextBytes(one);
            random.nextBytes(two);
            ByteBuffer first = direct(one);
            ByteBuffer second = ByteBuffer.wrap(two);
            Md4 a = new Md4();
            Md4 b = new Md4();

            Md4.updatePair(a, first, b, second);
            a.update(first);
            b.update(second);

            assertThat(a.digest()).isEqualTo(bouncyCastle(one));
            assertThat(b.digest()).isEqualTo(bouncyCastle(two));
        }
    }

    @Test
    void pairedUpdateRefusesADigestInTheMiddleOfABlock() {
        Md4 a = new Md4();
        a.update(new byte[3]);

        assertThatThrownBy(() -> Md4.updatePair(a, ByteBuffer.allocate(64), new Md4(), ByteBuffer.allocate(64)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("block boundary");
    }

    private static void feed(Md4 md4, byte[] data, int at, int n, int how) {
        switch (how) {
            case 0 -> md4.update(data, at, n);
            case 1 -> md4.update(ByteBuffer.wrap(data, at, n));
            default -> md4.update(direct(java.util.Arrays.copyOfRange(data, at, at + n)));
        }
    }

    private static ByteBuffer direct(byte[] data) {
        return ByteBuffer.allocateDirect(data.length).put(data).flip();
    }

    static byte[] bouncyCastle(byte[] data) {
        MD4Digest digest = new MD4Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[16];
        digest.doFinal(out, 0);
        return out;
    }
}

package net.p2pnet.model.bencode;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.util.Arrays;
import java.util.Random;

/** Random damage to bencoded bytes for fuzz tests: flips, bencode-significant bytes, cuts, inserts, repeats. */
public final class BencodeMutator {

    private static final byte[] INTERESTING = "0123456789ield:-e/.".getBytes(ISO_8859_1);

    private BencodeMutator() {
    }

    /** One to four mutations of a copy of {@code seed}. */
    public static byte[] mutate(byte[] seed, Random random) {
        byte[] data = seed.clone();
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            data = mutateOnce(data, random);
        }
        return data;
    }

    private static byte[] mutateOnce(byte[] data, Random random) {
        if (data.length == 0) {
            return new byte[] {INTERESTING[random.nextInt(INTERESTING.length)]};
        }
        int at = random.nextInt(data.length);
        return switch (random.nextInt(6)) {
            case 0 -> { // flip one byte to anything
                data[at] = (byte) random.nextInt(256);
                yield data;
            }
            case 1 -> { // replace with a byte bencode cares about
                data[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                yield data;
            }
            case 2 -> Arrays.copyOf(data, at); // truncate
            case 3 -> { // delete one byte
                byte[] out = new byte[data.length - 1];
                System.arraycopy(data, 0, out, 0, at);
                System.arraycopy(data, at + 1, out, at, data.length - at - 1);
                yield out;
            }
            case 4 -> { // insert a byte
                byte[] out = new byte[data.length + 1];
                System.arraycopy(data, 0, out, 0, at);
                out[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                System.arraycopy(data, at, out, at + 1, data.length - at);
                yield out;
            }
            default -> { // duplicate a slice in place (repeats keys, nests deeper)
                int length = Math.min(data.length - at, 1 + random.nextInt(16));
                byte[] out = new byte[data.length + length];
                System.arraycopy(data, 0, out, 0, at + length);
                System.arraycopy(data, at, out, at + length, data.length - at);
                yield out;
            }
        };
    }
}

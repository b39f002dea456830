package net.p2pnet.model.bencode;

/** Entry point for the common case: decode with {@link BencodeLimits#DEFAULT}, encode canonically. */
public final class Bencode {

    private static final BencodeDecoder DEFAULT_DECODER = new BencodeDecoder();

    private Bencode() {
    }

    public static BencodeValue decode(byte[] input) {
        return DEFAULT_DECODER.decode(input);
    }

    /** Decodes a top-level dictionary (a torrent file, a tracker response). */
    public static BDictionary decodeDictionary(byte[] input) {
        return DEFAULT_DECODER.decodeDictionary(input);
    }

    /** A dictionary at the start of {@code input}, trailing bytes allowed (BEP 9 data messages). */
    public static BDictionary decodeDictionaryPrefix(byte[] input) {
        return DEFAULT_DECODER.decodeDictionaryPrefix(input);
    }

    /** A top-level dictionary within {@code limits} (a tracker answer, an extension message). */
    public static BDictionary decodeDictionary(byte[] input, BencodeLimits limits) {
        return new BencodeDecoder(limits).decodeDictionary(input);
    }

    /** A dictionary at the start of {@code input} within {@code limits}, trailing bytes allowed. */
    public static BDictionary decodeDictionaryPrefix(byte[] input, BencodeLimits limits) {
        return new BencodeDecoder(limits).decodeDictionaryPrefix(input);
    }

    public static byte[] encode(BencodeValue value) {
        return BencodeEncoder.encode(value);
    }
}

package net.p2pnet.model.bencode;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A bencode dictionary: byte-string keys in raw byte order (BEP 3), with typed accessors that
 * report a wrong or missing entry as a {@link BencodeException} naming the key and offset.
 *
 * <p>A decoded dictionary keeps a reference to its exact source bytes, so {@link #rawBytes()}
 * returns what was on the wire; the info-hash is the SHA-1 of exactly those bytes, never of a
 * re-encoding.
 */
public final class BDictionary implements BencodeValue {

    private final SortedMap<BString, BencodeValue> entries;
    private final byte[] source;
    private final int offset;
    private final int end;

    private BDictionary(SortedMap<BString, BencodeValue> entries, byte[] source, int offset, int end) {
        this.entries = Collections.unmodifiableSortedMap(entries);
        this.source = source;
        this.offset = offset;
        this.end = end;
    }

    /** For the decoder: {@code source[offset, end)} is this dictionary's exact encoding. */
    static BDictionary decoded(TreeMap<BString, BencodeValue> entries, byte[] source, int offset, int end) {
        return new BDictionary(entries, source, offset, end);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static BDictionary of(Map<BString, ? extends BencodeValue> entries) {
        return new BDictionary(new TreeMap<>(entries), null, -1, -1);
    }

    /** The exact bytes this dictionary was decoded from, or its canonical encoding if built in memory. */
    public byte[] rawBytes() {
        return source != null ? Arrays.copyOfRange(source, offset, end) : BencodeEncoder.encode(this);
    }

    /** Keys in raw byte order. */
    public SortedMap<BString, BencodeValue> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    public boolean containsKey(String key) {
        return entries.containsKey(BString.of(key));
    }

    public Optional<BencodeValue> get(String key) {
        return Optional.ofNullable(entries.get(BString.of(key)));
    }

    public BencodeValue require(String key) {
        return get(key).orElseThrow(() -> new BencodeException("missing key '" + key + "' in dictionary", offset));
    }

    public BString string(String key) {
        return expect(require(key), BString.class, key);
    }

    public Optional<BString> optionalString(String key) {
        return get(key).map(v -> expect(v, BString.class, key));
    }

    /** A byte string entry read as UTF-8 text. */
    public String text(String key) {
        return string(key).asUtf8();
    }

    public Optional<String> optionalText(String key) {
        return optionalString(key).map(BString::asUtf8);
    }

    public byte[] bytes(String key) {
        return string(key).bytes();
    }

    public long integer(String key) {
        return expect(require(key), BInteger.class, key).value();
    }

    public OptionalLong optionalInteger(String key) {
        Optional<BInteger> value = get(key).map(v -> expect(v, BInteger.class, key));
        return value.map(v -> OptionalLong.of(v.value())).orElseGet(OptionalLong::empty);
    }

    public BList list(String key) {
        return expect(require(key), BList.class, key);
    }

    public Optional<BList> optionalList(String key) {
        return get(key).map(v -> expect(v, BList.class, key));
    }

    public BDictionary dictionary(String key) {
        return expect(require(key), BDictionary.class, key);
    }

    public Optional<BDictionary> optionalDictionary(String key) {
        return get(key).map(v -> expect(v, BDictionary.class, key));
    }

    /** Casts {@code value} or says which entry has the wrong type, and where. */
    static <T extends BencodeValue> T expect(BencodeValue value, Class<T> type, String what) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw new BencodeException("'" + what + "': expected " + typeName(type) + ", found " + value.typeName(),
                value.offset());
    }

    private static String typeName(Class<? extends BencodeValue> type) {
        if (type == BString.class) {
            return "byte string";
        }
        if (type == BInteger.class) {
            return "integer";
        }
        return type == BList.class ? "list" : "dictionary";
    }

    @Override
    public int offset() {
        return offset;
    }

    @Override
    public String typeName() {
        return "dictionary";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BDictionary other && other.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }

    /** Builds a dictionary in memory; keys are sorted on build, whatever the insertion order. */
    public static final class Builder {

        private final TreeMap<BString, BencodeValue> entries = new TreeMap<>();

        private Builder() {
        }

        public Builder put(String key, BencodeValue value) {
            entries.put(BString.of(key), value);
            return this;
        }

        public Builder put(String key, String utf8) {
            return put(key, BString.of(utf8));
        }

        public Builder put(String key, byte[] bytes) {
            return put(key, BString.of(bytes));
        }

        public Builder put(String key, long value) {
            return put(key, BInteger.of(value));
        }

        public Builder putStrings(String key, List<String> utf8) {
            return put(key, BList.of(utf8.stream().map(BString::of).toList()));
        }

        public BDictionary build() {
            return new BDictionary(new TreeMap<>(entries), null, -1, -1);
        }
    }
}

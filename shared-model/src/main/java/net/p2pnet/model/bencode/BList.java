package net.p2pnet.model.bencode;

import java.util.List;

/** A bencode list: an immutable sequence of values. */
public record BList(List<BencodeValue> values, int offset) implements BencodeValue {

    public BList {
        values = List.copyOf(values);
    }

    public static BList of(List<? extends BencodeValue> values) {
        return new BList(List.copyOf(values), -1);
    }

    public static BList of(BencodeValue... values) {
        return new BList(List.of(values), -1);
    }

    /** Byte strings as UTF-8 text (e.g. a BEP 19 url-list); any other element is an error. */
    public List<String> strings() {
        return values.stream().map(v -> BDictionary.expect(v, BString.class, "list element").asUtf8()).toList();
    }

    /** The dictionaries of a list of dictionaries (e.g. a multi-file torrent's {@code files}). */
    public List<BDictionary> dictionaries() {
        return values.stream().map(v -> BDictionary.expect(v, BDictionary.class, "list element")).toList();
    }

    public int size() {
        return values.size();
    }

    @Override
    public String typeName() {
        return "list";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BList other && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}

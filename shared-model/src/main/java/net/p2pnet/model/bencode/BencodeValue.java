package net.p2pnet.model.bencode;

/**
 * A bencoded value (BEP 3): byte string, integer, list or dictionary. Values returned by the decoder
 * remember the byte offset where they started so later errors can point at the input.
 */
public sealed interface BencodeValue permits BString, BInteger, BList, BDictionary {

    /** Offset of this value in the input it was decoded from; -1 if built in memory. */
    int offset();

    /** Short type name for error messages. */
    String typeName();
}

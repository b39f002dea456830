package net.p2pnet.model.torrent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.BList;
import net.p2pnet.model.bencode.BencodeException;
import net.p2pnet.model.hash.PieceHasher;

/**
 * The {@code info} dictionary of a torrent (BEP 3), validated: single-file ({@code length}) or
 * multi-file ({@code files}), safe paths, a {@code pieces} string of exactly one SHA-1 per piece,
 * and the BEP 27 {@code private} flag. Keeps the dictionary as read, unknown keys included, so the
 * info-hash is that of the original bytes.
 */
public final class InfoDictionary {

    /** Every download worker holds a piece-sized buffer; mktorrent's largest default is 16 MiB. */
    public static final int MAX_PIECE_LENGTH = 64 * 1024 * 1024;
    /** Files in one torrent; a file entry takes about 7 of the 1,000,000 elements BencodeLimits.TORRENT allows. */
    public static final int MAX_FILES = 100_000;

    private final BDictionary dictionary;
    private final InfoHash infoHash;
    private final String name;
    private final int pieceLength;
    private final byte[] pieces;
    private final List<TorrentFile> files;
    private final boolean singleFile;
    private final boolean privateTorrent;

    private InfoDictionary(BDictionary dictionary) {
        this.dictionary = dictionary;
        this.infoHash = InfoHash.ofInfo(dictionary.rawBytes());
        this.name = dictionary.text("name");
        PathComponents.check(name, "info.name");
        this.pieceLength = pieceLength(dictionary.integer("piece length"));
        this.singleFile = singleFile(dictionary);
        this.files = singleFile ? List.of(new TorrentFile(List.of(name), length(dictionary, "info.length"), 0))
                : files(dictionary.list("files"));
        this.pieces = dictionary.bytes("pieces");
        checkPieces();
        this.privateTorrent = privateFlag(dictionary);
    }

    /** Validates an info dictionary, read from a torrent or built by {@link TorrentWriter}. */
    public static InfoDictionary of(BDictionary dictionary) {
        try {
            return new InfoDictionary(dictionary);
        } catch (BencodeException e) {
            throw new InvalidTorrentException("info: " + e.getMessage(), e);
        } catch (ArithmeticException e) {
            throw new InvalidTorrentException("info.files: total length exceeds 2^63 bytes", e);
        }
    }

    private static int pieceLength(long value) {
        if (value <= 0 || value > MAX_PIECE_LENGTH) {
            throw new InvalidTorrentException("info.piece length: " + value + " is not a usable piece length (1 to "
                    + MAX_PIECE_LENGTH + " bytes)");
        }
        return (int) value;
    }

    private static boolean singleFile(BDictionary d) {
        boolean hasLength = d.containsKey("length");
        if (hasLength == d.containsKey("files")) {
            throw new InvalidTorrentException(hasLength ? "info: has both 'length' and 'files'"
                    : "info: has neither 'length' (single file) nor 'files' (multi-file)");
        }
        return hasLength;
    }

    private static long length(BDictionary d, String where) {
        long length = d.integer("length");
        if (length < 0) {
            throw new InvalidTorrentException(where + ": negative length " + length);
        }
        return length;
    }

    private static List<TorrentFile> files(BList list) {
        if (list.size() > MAX_FILES) {
            throw new InvalidTorrentException("info.files: " + list.size() + " files exceed the limit of " + MAX_FILES);
        }
        List<TorrentFile> files = new ArrayList<>(list.size());
        PathTree tree = new PathTree();
        long offset = 0;
        for (BDictionary entry : list.dictionaries()) {
            String where = "info.files[" + files.size() + "]";
            List<String> path = path(entry.list("path"), where + ".path");
            long length = length(entry, where);
            TorrentFile file = new TorrentFile(path, length, offset);
            tree.add(file.path(), where + ".path");
            files.add(file);
            offset = Math.addExact(offset, length);
        }
        return List.copyOf(files);
    }

    private static List<String> path(BList list, String where) {
        if (list.size() == 0) {
            throw new InvalidTorrentException(where + ": empty path");
        }
        List<String> path = list.strings();
        path.forEach(component -> PathComponents.check(component, where));
        PathComponents.checkLength(path, where);
        return path;
    }

    private void checkPieces() {
        if (pieces.length % PieceHasher.SHA1_LENGTH != 0) {
            throw new InvalidTorrentException("info.pieces: " + pieces.length + " bytes is not a multiple of 20");
        }
        long expected = PieceHasher.pieceCount(totalLength(), pieceLength);
        if (pieces.length / PieceHasher.SHA1_LENGTH != expected) {
            throw new InvalidTorrentException("info.pieces: " + pieces.length / PieceHasher.SHA1_LENGTH
                    + " piece hashes, but " + totalLength() + " bytes in pieces of " + pieceLength + " need "
                    + expected);
        }
    }

    private static boolean privateFlag(BDictionary d) {
        long flag = d.optionalInteger("private").orElse(0);
        if (flag != 0 && flag != 1) {
            throw new InvalidTorrentException("info.private: must be 0 or 1 (BEP 27), was " + flag);
        }
        return flag == 1;
    }

    /** The dictionary as read (or built): its {@code rawBytes()} are what the info-hash covers. */
    public BDictionary dictionary() {
        return dictionary;
    }

    public InfoHash infoHash() {
        return infoHash;
    }

    /** Suggested name of the file (single-file) or top directory (multi-file). */
    public String name() {
        return name;
    }

    public int pieceLength() {
        return pieceLength;
    }

    public int pieceCount() {
        return pieces.length / PieceHasher.SHA1_LENGTH;
    }

    /** SHA-1 of piece {@code index}. */
    public byte[] pieceHash(int index) {
        if (index < 0 || index >= pieceCount()) {
            throw new IndexOutOfBoundsException("piece " + index + " of " + pieceCount());
        }
        int from = index * PieceHasher.SHA1_LENGTH;
        return Arrays.copyOfRange(pieces, from, from + PieceHasher.SHA1_LENGTH);
    }

    /** Bytes in piece {@code index}: the piece length, except for a shorter last piece. */
    public int pieceSize(int index) {
        long start = (long) index * pieceLength;
        return (int) Math.min(pieceLength, totalLength() - start);
    }

    /** Files in torrent order; one entry named {@link #name()} for a single-file torrent. */
    public List<TorrentFile> files() {
        return files;
    }

    public boolean isSingleFile() {
        return singleFile;
    }

    /** BEP 27: peers only from the tracker (no DHT, PEX, LSD). */
    public boolean isPrivate() {
        return privateTorrent;
    }

    public long totalLength() {
        if (files.isEmpty()) {
            return 0;
        }
        TorrentFile last = files.getLast();
        return last.offset() + last.length();
    }

    @Override
    public String toString() {
        return "InfoDictionary[" + infoHash + " " + name + ", " + files.size() + " files, " + totalLength()
                + " bytes]";
    }
}

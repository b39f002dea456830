package net.p2pnet.model.torrent;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.BList;
import net.p2pnet.model.bencode.BString;
import net.p2pnet.model.bencode.Bencode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetainfoReadTest {

    private static final String PIECE = "aaaaaaaaaaaaaaaaaaaa";

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(ISO_8859_1);
    }

    private static BDictionary file(long length, String... path) {
        return BDictionary.builder().put("length", length)
                .put("path", BList.of(java.util.Arrays.stream(path).map(BString::of).toList())).build();
    }

    private static byte[] multiFile(BDictionary... files) {
        long total = java.util.Arrays.stream(files).mapToLong(f -> f.integer("length")).sum();
        BDictionary info = BDictionary.builder().put("name", "dir").put("piece length", 16384)
                .put("pieces", PIECE.repeat((int) ((total + 16383) / 16384)))
                .put("files", BList.of(files)).build();
        return Bencode.encode(BDictionary.builder().put("info", info).build());
    }

    @Test
    void readsASingleFileTorrentWithEveryOptionalField() throws Exception {
        String info = "d6:lengthi20000e4:name5:a.txt12:piece lengthi16384e6:pieces40:" + PIECE + PIECE
                + "7:privatei1ee";
        byte[] torrent = bytes("d8:announce9:http://t113:announce-listll9:http://t1el9:http://t29:http://t3ee"
                + "7:comment2:hi10:created by13:mktorrent 1.113:creation datei1700000000e4:info" + info
                + "8:url-list9:http://w1e");

        Metainfo m = Metainfo.read(torrent);

        assertThat(m.infoHash().bytes()).isEqualTo(MessageDigest.getInstance("SHA-1").digest(bytes(info)));
        assertThat(m.infoHash().hex()).isEqualTo(HexFormat.of().formatHex(m.infoHash().bytes()));
        assertThat(m.info().isSingleFile()).isTrue();
        assertThat(m.info().name()).isEqualTo("a.txt");
        assertThat(m.info().files()).containsExactly(new TorrentFile(List.of("a.txt"), 20000, 0));
        assertThat(m.info().totalLength()).isEqualTo(20000);
        assertThat(m.info().pieceCount()).isEqualTo(2);
        assertThat(m.info().pieceSize(0)).isEqualTo(16384);
        assertThat(m.info().pieceSize(1)).isEqualTo(20000 - 16384);
        assertThat(m.info().pieceHash(1)).isEqualTo(bytes(PIECE));
        assertThat(m.info().isPrivate()).isTrue();
        assertThat(m.announce()).contains("http://t1");
        assertThat(m.announceTiers()).containsExactly(List.of("http://t1"), List.of("http://t2", "http://t3"));
        assertThat(m.trackers()).containsExactly("http://t1", "http://t2", "http://t3");
        assertThat(m.webSeeds()).containsExactly("http://w1");
        assertThat(m.comment()).contains("hi");
        assertThat(m.createdBy()).contains("mktorrent 1.1");
        assertThat(m.creationDate()).contains(Instant.ofEpochSecond(1_700_000_000));
        assertThat(m.toBytes()).isEqualTo(torrent);
    }

    @Test
    void readsAMultiFileTorrentWithOffsetsAcrossFiles() {
        Metainfo m = Metainfo.read(multiFile(file(3, "a"), file(0, "sub", "empty"), file(20000, "sub", "b")));

        assertThat(m.info().isSingleFile()).isFalse();
        assertThat(m.info().files()).extracting(TorrentFile::pathString, TorrentFile::length, TorrentFile::offset)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 3L, 0L),
                        org.assertj.core.groups.Tuple.tuple("sub/empty", 0L, 3L),
                        org.assertj.core.groups.Tuple.tuple("sub/b", 20000L, 3L));
        assertThat(m.info().totalLength()).isEqualTo(20003);
        assertThat(m.info().isPrivate()).isFalse();
        assertThat(m.trackers()).isEmpty();
        assertThat(m.info().files().get(2).resolveUnder(java.nio.file.Path.of("/dl")))
                .isEqualTo(java.nio.file.Path.of("/dl/sub/b"));
    }

    @Test
    void keepsUnknownInfoKeysSoTheInfoHashSurvivesARewrite() {
        String info = "d6:lengthi1e4:name1:x12:piece lengthi16384e6:pieces20:" + PIECE + "6:source3:abce";
        byte[] torrent = bytes("d4:info" + info + "e");

        Metainfo m = Metainfo.read(torrent);

        assertThat(Metainfo.read(m.toBytes()).infoHash()).isEqualTo(InfoHash.ofInfo(bytes(info)));
    }

    @Test
    void aLoneAnnounceIsTheOnlyTrackerAndAListOfWebSeedsIsRead() {
        byte[] torrent = bytes("d8:announce9:http://t14:infod6:lengthi0e4:name1:x12:piece lengthi16384e6:pieces0:e"
                + "8:url-listl9:http://w19:http://w2ee");

        Metainfo m = Metainfo.read(torrent);

        assertThat(m.trackers()).containsExactly("http://t1");
        assertThat(m.webSeeds()).containsExactly("http://w1", "http://w2");
        assertThat(m.info().pieceCount()).isZero();
        assertThat(m.toBytes()).isEqualTo(torrent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "", "a/b", "/etc", "a\\b", "..\\..\\x", "C:", "c:evil", "nul\0byte"})
    void refusesUnsafePathComponentsNamingTheEntry(String component) {
        byte[] torrent = multiFile(file(1, "ok"), file(1, "sub", component, "x"));

        assertThatThrownBy(() -> Metainfo.read(torrent))
                .isInstanceOf(InvalidTorrentException.class)
                .hasMessageStartingWith("info.files[1].path: component '" + component.replace("\0", "\\0") + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "", "x/y", "/abs"})
    void refusesAnUnsafeName(String name) {
        BDictionary info = BDictionary.builder().put("name", name).put("piece length", 16384).put("length", 0)
                .put("pieces", "").build();
        byte[] torrent = Bencode.encode(BDictionary.builder().put("info", info).build());

        assertThatThrownBy(() -> Metainfo.read(torrent)).hasMessageStartingWith("info.name: component");
    }

    @Test
    void refusesAnEmptyPathDuplicatesAndFileDirectoryClashes() {
        assertThatThrownBy(() -> Metainfo.read(multiFile(file(1, "a"), file(1))))
                .hasMessage("info.files[1].path: empty path");
        assertThatThrownBy(() -> Metainfo.read(multiFile(file(1, "a", "b"), file(1, "a", "b"))))
                .hasMessage("info.files[1].path: 'a/b' is listed twice or is also a directory");
        assertThatThrownBy(() -> Metainfo.read(multiFile(file(1, "a"), file(1, "a", "b"))))
                .hasMessage("info.files[1].path: 'a/b' lies below 'a', which is a file of this torrent");
        assertThatThrownBy(() -> Metainfo.read(multiFile(file(1, "a", "b"), file(1, "a"))))
                .hasMessage("info.files[1].path: 'a' is listed twice or is also a directory");
    }

    @Test
    void refusesPiecesThatDoNotMatchTheLength() {
        assertThatThrownBy(() -> Metainfo.read(bytes("d4:infod6:lengthi1e4:name1:x12:piece lengthi16384e"
                + "6:pieces19:aaaaaaaaaaaaaaaaaaaee")))
                .hasMessage("info.pieces: 19 bytes is not a multiple of 20");
        assertThatThrownBy(() -> Metainfo.read(bytes("d4:infod6:lengthi16385e4:name1:x12:piece lengthi16384e"
                + "6:pieces20:" + PIECE + "ee")))
                .hasMessage("info.pieces: 1 piece hashes, but 16385 bytes in pieces of 16384 need 2");
    }

    @Test
    void refusesMissingOrMistypedFieldsNamingThem() {
        assertThatThrownBy(() -> Metainfo.read(bytes("d8:announce1:xe")))
                .hasMessage("info: missing key 'info' in dictionary at offset 0");
        assertThatThrownBy(() -> Metainfo.read(bytes("d4:infod4:name1:x12:piece lengthi16384e6:pieces0:ee")))
                .hasMessage("info: has neither 'length' (single file) nor 'files' (multi-file)");
        assertThatThrownBy(() -> Metainfo.read(bytes("d4:infod5:filesle6:lengthi0e4:name1:x12:piece lengthi1e"
                + "6:pieces0:ee")))
                .hasMessage("info: has both 'length' and 'files'");
        assertThatThrownBy(() -> Metainfo.read(bytes("d4:infod6:lengthi-1e4:name1:x12:piece lengthi16384e"
                + "6:pieces0:ee")))
                .hasMessage("info.length: negative length -1");
        assertThatThrownBy(() -> Metainfo.read(bytes("d4:infod6:lengthi0e4:name1:x12:piece lengthi0e6:pieces0:ee")))
                .hasMessage("info.piece length: 0 is not a usable piece length (1 to 67108864 bytes)");
        assertThatThrownBy(() -> Metainfo.read(bytes("d4:infod6:lengthi0e4:name1:x12:piece length1:x6:pieces0:ee")))
                .hasMessage("info: 'piece length': expected integer, found byte string at offset 43");
        assertThatThrownBy(() -> Metainfo.read(bytes("d4:infod6:lengthi0e4:name1:x12:piece lengthi1e6:pieces0:"
                + "7:privatei2eee")))
                .hasMessage("info.private: must be 0 or 1 (BEP 27), was 2");
        assertThatThrownBy(() -> Metainfo.read(bytes("d13:announce-listl1:xe4:infod6:lengthi0e4:name1:x"
                + "12:piece lengthi1e6:pieces0:ee")))
                .hasMessage("announce-list: a tier must be a list, found byte string at offset 18");
        assertThatThrownBy(() -> Metainfo.read(bytes("d13:creation datei170000000700000000e4:infod6:lengthi0e4:name1:x"
                + "12:piece lengthi1e6:pieces0:ee")))
                .hasMessage("creation date: 170000000700000000 seconds is out of range");
    }

    @Test
    void malformedBencodeIsReportedWithItsOffset() {
        assertThatThrownBy(() -> Metainfo.read(bytes("d4:infod6:lengthi01e")))
                .isInstanceOf(InvalidTorrentException.class)
                .hasMessage("malformed torrent: integer has a leading zero at offset 16")
                .hasCauseInstanceOf(net.p2pnet.model.bencode.BencodeException.class);
        assertThatThrownBy(() -> Metainfo.read(bytes("le")))
                .hasMessage("malformed torrent: expected a dictionary at the top level, found list at offset 0");
    }

    @Test
    void totalLengthOverflowIsRefused() {
        assertThatThrownBy(() -> Metainfo.read(multiFile(file(Long.MAX_VALUE, "a"), file(Long.MAX_VALUE, "b"))))
                .isInstanceOf(InvalidTorrentException.class);
    }

    @Test
    void infoHashParsesAndPrintsHex() {
        InfoHash hash = InfoHash.fromHex("E7F083A10212E733319D2D7E59707C57798518C4");

        assertThat(hash.hex()).isEqualTo("e7f083a10212e733319d2d7e59707c57798518c4");
        assertThat(hash).isEqualTo(InfoHash.fromHex(hash.toString()));
        assertThatThrownBy(() -> InfoHash.fromHex("zz".repeat(20))).hasMessageContaining("not a hex info-hash");
        assertThatThrownBy(() -> InfoHash.fromHex("abc")).hasMessageContaining("40 hex digits");
    }

    @Test
    void aTorrentFileBeyondTheLimitIsRefusedWithoutLoadingIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path huge = tmp.resolve("huge.torrent");
        try (var file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(Metainfo.MAX_TORRENT_BYTES + 1L); // sparse: no disk used
        }

        assertThatThrownBy(() -> Metainfo.read(huge))
                .isInstanceOf(InvalidTorrentException.class)
                .hasMessageEndingWith("16777217 bytes is too large for a torrent (limit 16777216)");
        assertThatThrownBy(() -> Metainfo.read(new java.io.InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        })).hasMessage("torrent exceeds the limit of 16777216 bytes");
    }

    @Test
    void aTorrentFileCannotBeBuiltWithAnEscapingPath() {
        assertThatThrownBy(() -> new TorrentFile(List.of("a", "..", "b"), 1, 0))
                .isInstanceOf(InvalidTorrentException.class)
                .hasMessage("path: component '..' is a relative reference (path traversal)");
    }
}

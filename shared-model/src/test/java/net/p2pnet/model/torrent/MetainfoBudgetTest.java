package net.p2pnet.model.torrent;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.BList;
import net.p2pnet.model.bencode.BString;
import net.p2pnet.model.bencode.Bencode;
import net.p2pnet.model.bencode.BencodeLimits;
import org.junit.jupiter.api.Test;

/** Torrents built to exhaust a reader's memory are refused by a budget, with a short message. */
class MetainfoBudgetTest {

    private static final String PIECE = "aaaaaaaaaaaaaaaaaaaa";

    @Test
    void oneTorrentSizeLimitForDecoderAndReaders() {
        assertThat(BencodeLimits.TORRENT.maxInputLength()).isEqualTo(Metainfo.MAX_TORRENT_BYTES);
        assertThatThrownBy(() -> Metainfo.read(new byte[Metainfo.MAX_TORRENT_BYTES + 1]))
                .isInstanceOf(InvalidTorrentException.class)
                .hasMessage("malformed torrent: input of 16777217 bytes exceeds the limit of 16777216 at offset 16777216");
    }

    @Test
    void aPieceLengthBeyondSixtyFourMebibytesIsRefused() {
        assertThat(Metainfo.read(single(64 << 20)).info().pieceLength()).isEqualTo(64 << 20);
        assertThatThrownBy(() -> Metainfo.read(single((64 << 20) + 1)))
                .hasMessage("info.piece length: 67108865 is not a usable piece length (1 to 67108864 bytes)");
        assertThatThrownBy(() -> Metainfo.read(single(Integer.MAX_VALUE)))
                .hasMessage("info.piece length: 2147483647 is not a usable piece length (1 to 67108864 bytes)");
    }

    @Test
    void moreFilesThanTheLimitAreRefusedBeforeTheyAreRead() {
        List<BDictionary> files = new ArrayList<>();
        for (int i = 0; i <= InfoDictionary.MAX_FILES; i++) {
            files.add(file(0, Integer.toString(i)));
        }

        assertThatThrownBy(() -> Metainfo.read(multiFile(files)))
                .hasMessage("info.files: 100001 files exceed the limit of 100000");
    }

    @Test
    void pathsDeeperOrLongerThanAFileSystemTakesAreRefused() {
        String[] deep = new String[65];
        java.util.Arrays.fill(deep, "d");
        String[] long16 = new String[17];
        java.util.Arrays.fill(long16, "x".repeat(250));

        assertThatThrownBy(() -> Metainfo.read(multiFile(List.of(file(1, deep)))))
                .hasMessage("info.files[0].path: 65 components exceed the limit of 64");
        assertThatThrownBy(() -> Metainfo.read(multiFile(List.of(file(1, long16)))))
                .hasMessage("info.files[0].path: 4266 bytes exceed the limit of 4096");
        assertThatThrownBy(() -> Metainfo.read(multiFile(List.of(file(1, "a", "é".repeat(128))))))
                .hasMessageStartingWith("info.files[0].path: component 'éééé")
                .hasMessageEndingWith("…(128 chars)' is longer than 255 bytes");
    }

    @Test
    void deepDistinctDirectoriesCostMemoryInProportionToTheTorrent() {
        // Every prefix of every path as its own string took ~30 times the torrent's size.
        List<BDictionary> files = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String[] path = new String[64];
            for (int level = 0; level < path.length; level++) {
                path[level] = i + "-" + "p".repeat(55);
            }
            files.add(file(0, path));
        }

        assertThat(Metainfo.read(multiFile(files)).info().files()).hasSize(2_000);
    }

    @Test
    void piecesMustMatchTheLengthExactly() {
        byte[] tooMany = Bencode.encode(BDictionary.builder().put("info", BDictionary.builder().put("length", 1)
                .put("name", "f").put("piece length", 16384).put("pieces", PIECE.repeat(1000)).build()).build());

        assertThatThrownBy(() -> Metainfo.read(tooMany))
                .hasMessage("info.pieces: 1000 piece hashes, but 1 bytes in pieces of 16384 need 1");
    }

    private static byte[] single(int pieceLength) {
        return Bencode.encode(BDictionary.builder().put("info", BDictionary.builder().put("length", 1)
                .put("name", "f").put("piece length", pieceLength).put("pieces", PIECE).build()).build());
    }

    private static BDictionary file(long length, String... path) {
        return BDictionary.builder().put("length", length)
                .put("path", BList.of(java.util.Arrays.stream(path).map(BString::of).toList())).build();
    }

    private static byte[] multiFile(List<BDictionary> files) {
        long total = files.stream().mapToLong(f -> f.integer("length")).sum();
        BDictionary info = BDictionary.builder().put("name", "dir").put("piece length", 16384)
                .put("pieces", PIECE.repeat((int) ((total + 16383) / 16384)).getBytes(ISO_8859_1))
                .put("files", BList.of(files)).build();
        return Bencode.encode(BDictionary.builder().put("info", info).build());
    }
}

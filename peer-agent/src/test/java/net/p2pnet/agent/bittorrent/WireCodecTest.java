package net.p2pnet.agent.bittorrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;
import net.p2pnet.agent.bittorrent.WireMessage.Cancel;
import net.p2pnet.agent.bittorrent.WireMessage.Extended;
import net.p2pnet.agent.bittorrent.WireMessage.Have;
import net.p2pnet.agent.bittorrent.WireMessage.Ignored;
import net.p2pnet.agent.bittorrent.WireMessage.Piece;
import net.p2pnet.agent.bittorrent.WireMessage.Reject;
import net.p2pnet.agent.bittorrent.WireMessage.Request;
import net.p2pnet.agent.bittorrent.WireMessage.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The framing on its own: what is written reads back the same, and malformed frames are refused before they cost memory. */
class WireCodecTest {

    private static WireMessage read(byte[] bytes) throws IOException {
        return WireCodec.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    static Stream<WireMessage> messages() {
        return Stream.of(Signal.KEEP_ALIVE, Signal.CHOKE, Signal.UNCHOKE, Signal.INTERESTED, Signal.NOT_INTERESTED,
                Signal.HAVE_ALL, Signal.HAVE_NONE, new Have(7), new Request(1, 16384, 16384), new Cancel(2, 0, 100),
                new Reject(3, 32768, 5));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void whatIsWrittenReadsBackTheSame(WireMessage message) throws IOException {
        assertThat(read(WireCodec.encode(message))).isEqualTo(message);
    }

    @Test
    void payloadsSurviveTheRoundTrip() throws IOException {
        byte[] block = new byte[1000];
        Arrays.fill(block, (byte) 0x5a);
        Piece piece = (Piece) read(WireCodec.encode(new Piece(4, 16384, block, 0, block.length)));
        assertThat(piece.index()).isEqualTo(4);
        assertThat(piece.begin()).isEqualTo(16384);
        assertThat(Arrays.copyOfRange(piece.buffer(), piece.offset(), piece.offset() + piece.length())).isEqualTo(block);

        Extended extended = (Extended) read(WireCodec.encode(new Extended(2, new byte[] {'d', 'e'})));
        assertThat(extended.extension()).isEqualTo(2);
        assertThat(extended.payload()).containsExactly('d', 'e');

        byte[] bits = {(byte) 0xf0, 1};
        assertThat(((WireMessage.Bitfield) read(WireCodec.encode(new WireMessage.Bitfield(bits)))).bits())
                .isEqualTo(bits);
        assertThat(WireCodec.isPiece(WireCodec.pieceFrame(0, 0, 1))).isTrue();
        assertThat(WireCodec.isPiece(WireCodec.encode(new Request(0, 0, 1)))).isFalse();
    }

    @Test
    void idsWeDoNotSpeakAreReadAndIgnored() throws IOException {
        assertThat(read(RawPeer.message(9, new byte[] {0x1a, (byte) 0xe1}))).isEqualTo(new Ignored(9)); // PORT
        assertThat(read(RawPeer.message(99, new byte[3]))).isEqualTo(new Ignored(99));
    }

    @Test
    void malformedFramesAreViolations() {
        assertThatThrownBy(() -> read(RawPeer.ints(WireCodec.MAX_MESSAGE + 1, 0)))
                .isInstanceOf(ProtocolViolation.class).hasMessageContaining("exceeds the limit");
        assertThatThrownBy(() -> read(RawPeer.ints(-1, 0))).isInstanceOf(ProtocolViolation.class);
        assertThatThrownBy(() -> read(RawPeer.message(7, new byte[8 + 32 * 1024])))
                .isInstanceOf(ProtocolViolation.class).hasMessageContaining("16 KiB block");
        assertThatThrownBy(() -> read(RawPeer.message(7, new byte[8])))
                .isInstanceOf(ProtocolViolation.class).hasMessageContaining("without block data");
        assertThatThrownBy(() -> read(RawPeer.message(0, new byte[1])))
                .isInstanceOf(ProtocolViolation.class).hasMessageContaining("1-byte payload, not 0");
        assertThatThrownBy(() -> read(RawPeer.message(6, new byte[11]))).isInstanceOf(ProtocolViolation.class);
        assertThatThrownBy(() -> read(RawPeer.message(20, new byte[0])))
                .isInstanceOf(ProtocolViolation.class).hasMessageContaining("without an extension id");
    }
}

package net.p2pnet.model.piece;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BitfieldTest {

    @Test
    void pieceZeroIsTheHighBitOfByteZero() {
        Bitfield field = new Bitfield(10);
        field.set(0);
        field.set(7);
        field.set(9);

        assertThat(field.toBytes()).containsExactly(0x81, 0x40);
        assertThat(Bitfield.fromBytes(new byte[] {(byte) 0x81, 0x40}, 10)).isEqualTo(field);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 63, 64, 65, 1000})
    void randomFieldsRoundTripThroughTheWireForm(int pieces) {
        Random random = new Random(pieces);
        Bitfield field = new Bitfield(pieces);
        for (int i = 0; i < pieces; i++) {
            if (random.nextBoolean()) {
                field.set(i);
            }
        }

        byte[] wire = field.toBytes();

        assertThat(wire).hasSize((pieces + 7) / 8);
        assertThat(Bitfield.fromBytes(wire, pieces)).isEqualTo(field);
        for (int i = 0; i < pieces; i++) {
            assertThat((wire[i / 8] >> (7 - i % 8) & 1) == 1).as("piece %d", i).isEqualTo(field.get(i));
        }
    }

    @Test
    void aSetSpareBitIsRefused() {
        assertThatThrownBy(() -> Bitfield.fromBytes(new byte[] {(byte) 0xff, 0x01}, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spare bit 15 is set in a bitfield of 10 pieces");
        assertThatThrownBy(() -> Bitfield.fromBytes(new byte[] {(byte) 0xff, 0x20}, 10))
                .hasMessage("spare bit 10 is set in a bitfield of 10 pieces");
        assertThat(Bitfield.fromBytes(new byte[] {(byte) 0xff, (byte) 0xc0}, 10).isComplete()).isTrue();
    }

    @Test
    void aWrongLengthIsRefused() {
        assertThatThrownBy(() -> Bitfield.fromBytes(new byte[3], 10))
                .hasMessage("a bitfield for 10 pieces has 2 bytes, not 3");
        assertThatThrownBy(() -> Bitfield.fromBytes(new byte[1], 9)).hasMessageContaining("has 2 bytes, not 1");
    }

    @Test
    void countsAndFindsMissingPieces() {
        Bitfield field = new Bitfield(5);
        assertThat(field.isEmpty()).isTrue();
        assertThat(field.nextMissing(0)).isZero();

        field.set(0);
        field.set(1);
        field.set(3);

        assertThat(field.cardinality()).isEqualTo(3);
        assertThat(field.nextMissing(0)).isEqualTo(2);
        assertThat(field.nextMissing(3)).isEqualTo(4);
        assertThat(field.nextPresent(2)).isEqualTo(3);
        assertThat(field.present()).containsExactly(0, 1, 3);
        field.set(2);
        field.set(4);
        assertThat(field.isComplete()).isTrue();
        assertThat(field.nextMissing(0)).isEqualTo(-1);
        field.clear(4);
        assertThat(field.get(4)).isFalse();
        assertThat(field.toString()).isEqualTo("Bitfield[4/5]");
    }

    @Test
    void fullFieldAndEmptyTorrent() {
        assertThat(Bitfield.full(9).toBytes()).containsExactly(0xff, 0x80);
        assertThat(Bitfield.full(0).isComplete()).isTrue();
        assertThat(Bitfield.full(0).toBytes()).isEmpty();
    }

    @Test
    void combinesWithAPeersField() {
        Bitfield mine = Bitfield.fromBytes(new byte[] {(byte) 0b1100_0000}, 4);
        Bitfield theirs = Bitfield.fromBytes(new byte[] {(byte) 0b1010_0000}, 4);

        assertThat(theirs.missingFrom(mine).present()).containsExactly(2);
        Bitfield copy = mine.copy();
        copy.addAll(theirs);
        assertThat(copy.present()).containsExactly(0, 1, 2);
        assertThat(mine.present()).containsExactly(0, 1);
        assertThatThrownBy(() -> mine.addAll(new Bitfield(5))).hasMessageContaining("do not combine");
    }

    @Test
    void outOfRangeIndicesAreRefused() {
        Bitfield field = new Bitfield(3);

        assertThatThrownBy(() -> field.set(3)).isInstanceOf(IndexOutOfBoundsException.class).hasMessage("piece 3 of 3");
        assertThatThrownBy(() -> field.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new Bitfield(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}

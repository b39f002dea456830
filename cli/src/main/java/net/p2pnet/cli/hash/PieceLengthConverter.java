package net.p2pnet.cli.hash;

import java.util.Locale;
import net.p2pnet.model.torrent.TorrentOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --piece-length}: bytes, or with a K/M suffix (binary units); a power of two within
 * mktorrent's range and our reader's limit ({@code -l 15} to {@code -l 26}), so our info-hash can always be checked
 * against a {@code .torrent} mktorrent makes.
 */
final class PieceLengthConverter implements ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        String text = value.strip().toUpperCase(Locale.ROOT);
        int shift = text.endsWith("K") ? 10 : text.endsWith("M") ? 20 : 0;
        String digits = shift == 0 ? text : text.substring(0, text.length() - 1);
        long bytes;
        try {
            bytes = Long.parseLong(digits) << shift;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a size (examples: 262144, 256K, 1M)");
        }
        long min = 1L << TorrentOptions.MIN_PIECE_LENGTH_LOG2;
        long max = 1L << TorrentOptions.MAX_PIECE_LENGTH_LOG2;
        if (bytes < min || bytes > max || Long.bitCount(bytes) != 1) {
            throw new TypeConversionException("'" + value + "' must be a power of two from 32K to 64M");
        }
        return (int) bytes;
    }
}

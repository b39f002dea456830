package net.p2pnet.agent.share;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How sharing behaves ({@code p2pnet.agent.share.*}).
 *
 * @param rescanInterval how often shared directories are compared with what is shared (new,
 *                       changed, removed files)
 * @param pieceLength    BitTorrent piece length of the torrents made for shared files; a power of
 *                       two from 16 KiB to 16 MiB (1 MiB = {@code mktorrent -l 20})
 */
@ConfigurationProperties("p2pnet.agent.share")
public record ShareProperties(@DefaultValue("10s") Duration rescanInterval,
                              @DefaultValue("1MB") DataSize pieceLength) {

    public ShareProperties {
        if (rescanInterval.isNegative() || rescanInterval.isZero()) {
            throw new IllegalArgumentException("p2pnet.agent.share.rescan-interval must be positive");
        }
        long bytes = pieceLength.toBytes();
        if (bytes < 16 * 1024 || bytes > 16 * 1024 * 1024 || Long.bitCount(bytes) != 1) {
            throw new IllegalArgumentException("p2pnet.agent.share.piece-length must be a power of two from 16KB to 16MB, was "
                    + pieceLength);
        }
    }

    public int pieceLengthBytes() {
        return (int) pieceLength.toBytes();
    }
}

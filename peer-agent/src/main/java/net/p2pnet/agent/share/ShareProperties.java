package net.p2pnet.agent.share;

import java.time.Duration;
import java.util.List;
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
 * @param neverShared    file-name globs of keys and credentials that are never shared, wherever
 *                       they are (hidden files and directories never are either): sharing a home
 *                       directory must not share {@code ~/.ssh/id_rsa} or a wallet
 */
@ConfigurationProperties("p2pnet.agent.share")
public record ShareProperties(@DefaultValue("10s") Duration rescanInterval,
                              @DefaultValue("1MB") DataSize pieceLength,
                              @DefaultValue({"id_rsa*", "id_dsa*", "id_ecdsa*", "id_ed25519*", "*.pem", "*.key",
                                      "*.p12", "*.pfx", "*.jks", "*.keystore", "*.kdbx", "*.gpg", "*.asc",
                                      "credentials", "credentials.json", "credentials.db", "wallet.dat",
                                      "known_hosts", "authorized_keys", "*.ovpn", "_netrc", "pgpass.conf"})
                              List<String> neverShared) {

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

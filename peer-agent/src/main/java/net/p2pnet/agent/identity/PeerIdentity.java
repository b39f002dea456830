package net.p2pnet.agent.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import net.p2pnet.model.crypto.Base64Url;
import net.p2pnet.model.crypto.PeerKey;
import net.p2pnet.model.crypto.PeerRequestSigner;
import net.p2pnet.model.crypto.VerificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This agent's identity: an Ed25519 key pair made on first start and kept in
 * {@code ${p2pnet.data-dir}/peer-key} (owner-only on POSIX file systems), never sent anywhere. The
 * peer id is derived from its public key, so a restarted agent is the same peer from any address,
 * and nobody without the file can be.
 */
@Component
public class PeerIdentity {

    static final String KEY_FILE = "peer-key";
    private static final String HEADER = "p2pnet-peer-key-v1 ";
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final Logger log = LoggerFactory.getLogger(PeerIdentity.class);

    private final PeerKey key;
    private final PeerRequestSigner signer;

    public PeerIdentity(@Value("${p2pnet.data-dir:./data/peer-agent}") Path dataDir) {
        this.key = loadOrCreate(dataDir.toAbsolutePath().normalize().resolve(KEY_FILE));
        this.signer = new PeerRequestSigner(key, Clock.systemUTC());
        log.info("peer id {} (key in {})", key.peerId(), dataDir.resolve(KEY_FILE));
    }

    public String peerId() {
        return key.peerId();
    }

    public PeerKey key() {
        return key;
    }

    /** Signs requests with this agent's key. */
    public PeerRequestSigner signer() {
        return signer;
    }

    static PeerKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                restrict(file);
                return read(file);
            }
            PeerKey created = PeerKey.generate();
            write(file, created);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the agent's key " + file + ": " + e.getMessage(), e);
        }
    }

    private static PeerKey read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!text.startsWith(HEADER)) {
            throw new IllegalStateException(file + " is not an agent key (expected '" + HEADER.strip()
                    + " <seed>'): restore it from a backup, or delete it to become a new peer");
        }
        try {
            return PeerKey.fromSeed(Base64Url.decode(text.substring(HEADER.length()), "agent key"));
        } catch (VerificationException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " is damaged (" + e.getMessage() + "): restore it from a "
                    + "backup, or delete it to become a new peer", e);
        }
    }

    /** Written owner-only from the start (never readable by others, even for a moment), then moved in place. */
    private static void write(Path file, PeerKey key) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(KEY_FILE + ".tmp");
        Files.deleteIfExists(temporary);
        if (posix()) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(temporary);
        }
        // on disk before it is moved in place: a crash must not leave an empty key under the real name
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            ByteBuffer text = ByteBuffer.wrap((HEADER + Base64Url.encode(key.seed()) + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            while (text.hasRemaining()) {
                channel.write(text);
            }
            channel.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file);
        }
    }

    /** A key others can read is fixed to owner-only, loudly: whoever read it can be this peer. */
    private static void restrict(Path file) throws IOException {
        if (!posix()) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            log.warn("the agent's key {} was readable by others ({}): set to owner-only; if anyone else read it, "
                    + "delete it to become a new peer", file, PosixFilePermissions.toString(permissions));
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}

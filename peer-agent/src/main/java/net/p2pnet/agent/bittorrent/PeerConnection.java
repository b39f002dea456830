package net.p2pnet.agent.bittorrent;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import net.p2pnet.agent.bittorrent.WireMessage.Cancel;
import net.p2pnet.agent.bittorrent.WireMessage.Extended;
import net.p2pnet.agent.bittorrent.WireMessage.Have;
import net.p2pnet.agent.bittorrent.WireMessage.Ignored;
import net.p2pnet.agent.bittorrent.WireMessage.Piece;
import net.p2pnet.agent.bittorrent.WireMessage.Reject;
import net.p2pnet.agent.bittorrent.WireMessage.Request;
import net.p2pnet.agent.bittorrent.WireMessage.Signal;
import net.p2pnet.agent.transfer.ServedContent;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.Bencode;
import net.p2pnet.model.bencode.BencodeException;
import net.p2pnet.model.bencode.BencodeLimits;
import net.p2pnet.model.piece.Bitfield;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer-wire connection after the handshake: its lifecycle (start, the reader, writer and
 * uploader threads, close) and the state both sides negotiate on it (who chokes whom, who is
 * interested, which pieces we announced; which pieces the peer has is {@link PeerPieces}). The reader thread reads each
 * message through {@link WireCodec} and hands it to the part it concerns: {@link PieceFetcher}
 * (our fetches), {@link Uploader} (the peer's requests), {@link MetadataExchange} (BEP 9) and
 * {@link PeerExchange} (BEP 11); all sending goes through the {@link Outbox}.
 *
 * <p>Locks: the state below sits under {@link #lock}, which is held only briefly and never while
 * calling into a part; the parts have their own locks and may ask this state (lock order: a
 * part's lock, then this one; {@link PeerPieces} last, as it calls nothing).
 */
final class PeerConnection implements BtPeer, ChokeTarget, PeerLink {

    private static final Logger log = LoggerFactory.getLogger(PeerConnection.class);

    static final int SILENCE_MILLIS = 180_000;
    private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(100);

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final String infoHash;
    private final boolean incoming;
    private final boolean fast;
    private final boolean extensionProtocol;
    private final byte[] remotePeerId;
    private final WireContext context;

    private final Outbox outbox;
    private final PieceFetcher fetcher;
    private final Uploader uploader;
    private final MetadataExchange metadata;
    private final PeerExchange pex;

    private final ReentrantLock lock = new ReentrantLock();
    // written under lock; the flags are volatile so the parts can read them without it
    private volatile boolean closed;
    private volatile String closeReason;
    private volatile boolean amChoking = true;
    private boolean amInterested;
    private volatile boolean peerChoking = true;
    private volatile boolean peerInterested;
    private final PeerPieces peerPieces = new PeerPieces();
    private final BitSet advertised = new BitSet();

    private volatile PeerExtensions extensions = PeerExtensions.NONE;
    private final CountDownLatch extensionHandshake = new CountDownLatch(1);
    private volatile ServedTorrent contentCache;
    private final AtomicBoolean ticking = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    PeerConnection(Socket socket, Handshake remote, boolean incoming, WireContext context) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.infoHash = HexFormat.of().formatHex(remote.infoHash());
        this.incoming = incoming;
        this.fast = remote.fast();
        this.extensionProtocol = remote.extensionProtocol();
        this.remotePeerId = remote.peerId();
        this.context = context;
        this.outbox = new Outbox(this::overflowed);
        this.fetcher = new PieceFetcher(this, outbox, fast, context.meter());
        this.uploader = new Uploader(this, outbox, fast, context.upload(), context.meter());
        this.metadata = new MetadataExchange(this, outbox, infoHash, context.learntPieceCounts());
        this.pex = new PeerExchange(this, outbox);
    }

    /** Sends our bitfield and extension handshake and starts the connection's threads. */
    void start() throws IOException {
        socket.setSoTimeout(SILENCE_MILLIS);
        Optional<ServedTorrent> content = content();
        lock.lock();
        try {
            if (content.isPresent()) {
                ServedContent served = content.get().content();
                BitSet verified = served.verifiedPieces();
                int count = served.layout().pieceCount();
                if (fast && verified.cardinality() == count) {
                    outbox.send(Signal.HAVE_ALL);
                } else if (fast && verified.isEmpty()) {
                    outbox.send(Signal.HAVE_NONE);
                } else {
                    Bitfield field = new Bitfield(count);
                    verified.stream().filter(i -> i < count).forEach(field::set);
                    outbox.send(new WireMessage.Bitfield(field.toBytes()));
                }
                advertised.or(verified);
            } else if (fast) {
                outbox.send(Signal.HAVE_NONE);
            }
            // without the fast extension and without content we send no bitfield: BEP 3 lets a peer
            // that has nothing skip it, and we could not size one (a magnet: the piece count is unknown)
            if (extensionProtocol) {
                outbox.send(new Extended(0, Extensions.handshake(content.map(c -> c.infoDictionary().length).orElse(-1),
                        content.map(c -> !c.privateTorrent()).orElse(true), context.listenPort().getAsInt(),
                        context.transferPort().getAsInt(), Uploader.MAX_QUEUED_REQUESTS)));
            }
        } finally {
            lock.unlock();
        }
        threads.add(Thread.ofVirtual().name("bt-read-" + key()).start(this::readLoop));
        threads.add(Thread.ofVirtual().name("bt-write-" + key())
                .start(closingOnFailure(() -> outbox.drainTo(out), "write failed", "writer failed")));
        threads.add(Thread.ofVirtual().name("bt-upload-" + key())
                .start(closingOnFailure(uploader::run, "cannot read content to serve", "uploader failed")));
    }

    // ---------------------------------------------------------------- BtPeer

    @Override
    public String key() {
        InetSocketAddress address = address();
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    @Override
    public InetSocketAddress address() {
        int listen = extensions.listenPort();
        if (incoming && listen > 0) {
            return new InetSocketAddress(socket.getInetAddress(), listen);
        }
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    @Override
    public String client() {
        String told = extensions.client();
        if (told != null) {
            return told;
        }
        // Azureus-style peer ids: "-AR1360-..." names the client and version
        if (remotePeerId[0] == '-' && remotePeerId[7] == '-') {
            return new String(remotePeerId, 1, 6, StandardCharsets.US_ASCII);
        }
        return "unknown";
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public BitSet has() {
        return peerPieces.copy(pieceCount());
    }

    @Override
    public OptionalInt p2pnetPort() {
        int port = extensions.transferPort();
        return port > 0 ? OptionalInt.of(port) : OptionalInt.empty();
    }

    @Override
    public List<InetSocketAddress> pexPeers() {
        return pex.learnt();
    }

    @Override
    public long downloaded() {
        return fetcher.downloaded();
    }

    @Override
    public long uploaded() {
        return uploader.uploaded();
    }

    @Override
    public byte[] fetchPiece(int index, int length, BlockSink sink) throws IOException, InterruptedException {
        return fetcher.fetch(index, length, sink);
    }

    /** BEP 9: the info dictionary, checked against the info-hash. One metadata fetch at a time per connection. */
    byte[] fetchMetadata(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitExtensionHandshake(timeout);
        return metadata.fetch(deadline, timeout);
    }

    @Override
    public void close(String reason) {
        closeWith(reason, false);
    }

    String infoHash() {
        return infoHash;
    }

    boolean incoming() {
        return incoming;
    }

    byte[] remotePeerId() {
        return remotePeerId.clone();
    }

    // ---------------------------------------------------------------- choke and interest

    @Override
    public boolean peerInterested() {
        return peerInterested && !closed;
    }

    @Override
    public boolean amChoking() {
        return amChoking;
    }

    @Override
    public boolean peerChoking() {
        return peerChoking;
    }

    /** Chokes or unchokes the peer (the choker decides). A choke drops its queued requests. */
    @Override
    public void setChoking(boolean choke) {
        lock.lock();
        try {
            if (closed || amChoking == choke) {
                return;
            }
            amChoking = choke;
            outbox.send(choke ? Signal.CHOKE : Signal.UNCHOKE);
            if (choke) {
                uploader.choked(); // only queues: the rejects follow the choke on the wire
            }
        } finally {
            lock.unlock();
        }
    }

    /** Interested iff we are fetching from the peer or it has a piece our content lacks. */
    @Override
    public void updateInterest() {
        Optional<ServedTorrent> content = content();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            boolean want = fetcher.fetching();
            if (!want && content.isPresent()) {
                BitSet useful = peerPieces.copy(pieceCount());
                useful.andNot(content.get().content().verifiedPieces());
                want = !useful.isEmpty();
            }
            if (want != amInterested) {
                amInterested = want;
                outbox.send(want ? Signal.INTERESTED : Signal.NOT_INTERESTED);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean lacks(int index) {
        return peerPieces.lacks(index);
    }

    // ---------------------------------------------------------------- PeerLink

    @Override
    public void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("connection to " + key() + " closed: " + closeReason);
        }
    }

    /** The content we serve for this info-hash now, if any (a download may appear or complete later). */
    @Override
    public Optional<ServedTorrent> content() {
        Optional<ServedContent> found = context.catalog().find(infoHash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ServedTorrent cached = contentCache;
        if (cached == null || cached.content() != found.get()) {
            cached = ServedTorrent.of(found.get());
            contentCache = cached;
        }
        return Optional.of(cached);
    }

    @Override
    public PeerExtensions extensions() {
        return extensions;
    }

    /** From the content we serve, else from metadata fetched for a magnet, else -1 (unknown). */
    private int pieceCount() {
        return content().map(ServedTorrent::pieceCount)
                .orElseGet(() -> context.learntPieceCounts().getOrDefault(infoHash, -1));
    }

    // ---------------------------------------------------------------- lifecycle

    private void closeWith(String reason, boolean violation) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closeReason = reason;
            closed = true;
        } finally {
            lock.unlock();
        }
        if (violation) {
            log.warn("bittorrent: closing {} {} for {}: {}", incoming ? "incoming" : "outgoing", key(), shortHash(), reason);
        } else {
            log.info("bittorrent: closing {} {} for {}: {}", incoming ? "incoming" : "outgoing", key(), shortHash(), reason);
        }
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing socket of {}", key(), e);
        }
        threads.forEach(Thread::interrupt);
        outbox.clear();
        uploader.clear();
        extensionHandshake.countDown();
        fetcher.wake();
        metadata.closed();
        context.events().closed(this);
    }

    /** Called where a message was queued, perhaps under a lock: the close runs on a thread of its own. */
    private void overflowed(long queued) {
        Thread.ofVirtual().start(() -> closeWith("does not read: " + queued + " bytes queued for it", true));
    }

    private String shortHash() {
        return infoHash.substring(0, 8);
    }

    /** The body of a writer or uploader thread. */
    @FunctionalInterface
    private interface Loop {
        void run() throws IOException, InterruptedException;
    }

    /**
     * Runs a loop until it is interrupted (the close); any failure closes the connection whole.
     *
     * @param ioFailure what an I/O failure is called in the close reason
     * @param bug       what any other failure is called (logged as a violation: it should not happen)
     */
    private Runnable closingOnFailure(Loop loop, String ioFailure, String bug) {
        return () -> {
            try {
                loop.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                closeWith(ioFailure + ": " + e.getMessage(), false);
            } catch (RuntimeException | Error e) {
                closeWith(bug + ": " + e, true);
            }
        };
    }

    private void readLoop() {
        try {
            while (true) {
                dispatch(WireCodec.read(in));
            }
        } catch (ProtocolViolation e) {
            closeWith(e.getMessage(), true);
        } catch (SocketTimeoutException e) {
            closeWith("silent for " + SILENCE_MILLIS / 1000 + " s", false);
        } catch (EOFException e) {
            closeWith("closed by the peer", false);
        } catch (IOException e) {
            closeWith("read failed: " + e.getMessage(), false);
        } catch (RuntimeException e) {
            log.error("bittorrent: bug handling a message from {}", key(), e);
            closeWith("internal error: " + e, false);
        } catch (Error e) {
            // even out of memory: this connection ends whole, never half-open, and the agent goes on
            closeWith("error: " + e, true);
        }
    }

    private void dispatch(WireMessage message) throws ProtocolViolation {
        switch (message) {
            case Piece piece -> fetcher.onPiece(piece);
            case Request request -> uploader.onRequest(request);
            case Cancel cancel -> uploader.onCancel(cancel);
            case Reject reject -> fetcher.onReject(reject);
            case Have have -> onHave(have.index());
            case WireMessage.Bitfield bitfield -> onBitfield(bitfield.bits());
            case Signal signal -> onSignal(signal);
            case Extended extended -> onExtended(extended);
            case Ignored ignored -> {
                // PORT (DHT, off here), SUGGEST, ALLOWED_FAST and unknown ids, as BEP 3 asks
            }
        }
    }

    private void onSignal(Signal signal) {
        switch (signal) {
            case KEEP_ALIVE -> {
                // the read itself was the point: the silence timeout starts again
            }
            case CHOKE -> {
                setPeerChoking(true);
                fetcher.choked();
            }
            case UNCHOKE -> {
                setPeerChoking(false);
                fetcher.wake();
            }
            case INTERESTED -> {
                setPeerInterested(true);
                context.events().interested(this);
            }
            case NOT_INTERESTED -> setPeerInterested(false);
            case HAVE_ALL, HAVE_NONE -> {
                peerPieces.haveAll(signal == Signal.HAVE_ALL);
                fetcher.peerPiecesChanged();
                updateInterest();
            }
        }
    }

    private void setPeerChoking(boolean choking) {
        lock.lock();
        try {
            peerChoking = choking;
        } finally {
            lock.unlock();
        }
    }

    private void setPeerInterested(boolean interested) {
        lock.lock();
        try {
            peerInterested = interested;
        } finally {
            lock.unlock();
        }
    }

    private void onHave(int index) throws ProtocolViolation {
        PeerPieces.checkIndex(index, pieceCount());
        if (peerPieces.have(index)) {
            fetcher.peerPiecesChanged(); // until now the peer might have had anything
        }
        updateInterest();
    }

    private void onBitfield(byte[] wire) throws ProtocolViolation {
        peerPieces.replace(PeerPieces.parseBitfield(wire, pieceCount()));
        fetcher.peerPiecesChanged();
        updateInterest();
    }

    private void onExtended(Extended message) throws ProtocolViolation {
        int extension = message.extension();
        byte[] payload = message.payload();
        try {
            switch (extension) {
                case 0 -> onExtensionHandshake(Bencode.decodeDictionary(payload, BencodeLimits.EXTENSION_MESSAGE));
                case Extensions.UT_METADATA -> metadata.onMessage(payload);
                case Extensions.UT_PEX -> pex.onMessage(Bencode.decodeDictionary(payload, BencodeLimits.EXTENSION_MESSAGE));
                default -> {
                    // an extension we did not offer: ignored
                }
            }
        } catch (BencodeException e) {
            throw new ProtocolViolation("bad bencode in extension message " + extension + ": " + e.getMessage());
        }
    }

    private void onExtensionHandshake(BDictionary d) {
        extensions = PeerExtensions.of(d, extensions); // only the reader writes it
        extensionHandshake.countDown();
    }

    /** Waits up to {@code timeout} for the peer's extension handshake (only if it speaks BEP 10). */
    void awaitExtensionHandshake(Duration timeout) throws InterruptedException {
        if (extensionProtocol) {
            extensionHandshake.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    // ---------------------------------------------------------------- periodic work

    /** Once a second: HAVE for newly verified pieces, interest, keep-alive. Skipped while a previous run is busy. */
    void tick() {
        if (!ticking.compareAndSet(false, true)) {
            return;
        }
        try {
            Optional<ServedTorrent> content = content();
            if (content.isPresent()) {
                BitSet fresh = content.get().content().verifiedPieces();
                lock.lock();
                try {
                    fresh.andNot(advertised);
                    advertised.or(fresh);
                    if (!closed) {
                        fresh.stream().forEach(i -> outbox.send(new Have(i)));
                    }
                } finally {
                    lock.unlock();
                }
            }
            updateInterest();
            if (outbox.idleFor(KEEP_ALIVE_NANOS)) {
                outbox.send(Signal.KEEP_ALIVE);
            }
        } finally {
            ticking.set(false);
        }
    }

    /** BEP 11: tells the peer which of our peers are new and which left since the last message. */
    void sendPex(Set<InetSocketAddress> current) {
        pex.send(current);
    }

    @Override
    public String toString() {
        return (incoming ? "in " : "out ") + key() + " " + shortHash();
    }
}

package net.p2pnet.agent.bittorrent;

import static net.p2pnet.agent.bittorrent.WireMessages.*;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import net.p2pnet.agent.bandwidth.TrafficMeter;
import net.p2pnet.agent.storage.PieceLayout;
import net.p2pnet.agent.transfer.ServedContent;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.BString;
import net.p2pnet.model.bencode.Bencode;
import net.p2pnet.model.bencode.BencodeException;
import net.p2pnet.model.bencode.BencodeLimits;
import net.p2pnet.model.piece.Bitfield;
import net.p2pnet.model.torrent.InfoDictionary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer-wire connection after the handshake: a reader thread that parses and checks every
 * message, a writer thread that owns the socket's output, an uploader that serves queued requests
 * through the upload limit, and the fetch side ({@link #fetchPiece}, {@link #fetchMetadata}) that
 * callers' threads drive. Shared state sits under one lock; waiting is on its condition.
 */
final class PeerConnection implements BtPeer, ChokeTarget {

    private static final Logger log = LoggerFactory.getLogger(PeerConnection.class);

    static final int BLOCK = 16 * 1024;
    /** Largest message we accept: a 1 MiB payload (bitfields of huge torrents, metadata) plus headers. */
    private static final int MAX_MESSAGE = (1 << 20) + 13;
    /** A piece message answers a request of ours, which is never more than one block. */
    private static final int MAX_PIECE_MESSAGE = BLOCK + 13;
    private static final int MAX_REQUEST = 128 * 1024;
    private static final int MAX_QUEUED_REQUESTS = 500;
    /** What we tell peers ("reqq") and the most requests we keep in flight to one peer. */
    static final int REQUEST_QUEUE = MAX_QUEUED_REQUESTS;
    private static final int DEFAULT_PIPELINE = 64;
    private static final int MAX_PIPELINE = 128;
    private static final long FETCH_PATIENCE = TimeUnit.SECONDS.toNanos(30);
    static final int SILENCE_MILLIS = 180_000;
    private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(100);
    private static final int MAX_METADATA = 16 << 20;
    /**
     * Before the metadata is known (a magnet), a piece index or bitfield is checked against the
     * most pieces metadata we would accept can list (20 bytes of SHA-1 each): a HAVE for piece
     * 2^31-1 must not make us size a bitset for it.
     */
    static final int MAX_UNKNOWN_PIECES = MAX_METADATA / 20;
    private static final int MAX_PEX = 200;
    /** Piece bytes handed to the writer but not yet on the socket: the uploader waits beyond this. */
    private static final int UPLOAD_BUDGET = 1 << 20;
    /** Control bytes (rejects, haves...) queued for a peer that does not read: beyond this we give up. */
    private static final long MAX_QUEUED_BYTES = 8L << 20;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final String infoHash;
    private final boolean incoming;
    private final boolean fast;
    private final boolean extensionProtocol;
    private final byte[] remotePeerId;
    private final WireContext context;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // all below guarded by lock
    private boolean closed;
    private String closeReason;
    private boolean amChoking = true;
    private boolean amInterested;
    private boolean peerChoking = true;
    private boolean peerInterested;
    private final BitSet peerHas = new BitSet();
    private boolean peerHasAll;
    private boolean peerHasKnown;
    private final BitSet advertised = new BitSet();
    private final Map<Integer, Fetch> fetches = new HashMap<>();
    private final Set<Long> cancelled = new LinkedHashSet<>();
    private MetadataFetch metadataFetch;
    private boolean extHandshakeReceived;
    private int remoteMetadataId;
    private int remotePexId;
    private int remoteMetadataSize = -1;
    private int remoteListenPort = -1;
    private int remoteTransferPort = -1;
    private int remoteRequestQueue = -1;
    private String remoteClient;
    private final Set<InetSocketAddress> pexLearnt = new LinkedHashSet<>();
    private final Set<InetSocketAddress> pexSent = new LinkedHashSet<>();
    private volatile ServedTorrent contentCache;

    private final BlockingQueue<byte[]> outbound = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Semaphore uploadBudget = new Semaphore(UPLOAD_BUDGET);
    private final LinkedBlockingDeque<Request> requests = new LinkedBlockingDeque<>();
    private final AtomicLong downloaded = new AtomicLong();
    private final AtomicLong uploaded = new AtomicLong();
    private final AtomicBoolean ticking = new AtomicBoolean();
    private volatile long lastSent = System.nanoTime();
    private final List<Thread> threads = new ArrayList<>();

    private record Request(int index, int begin, int length) {
    }

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
                    send(simple(HAVE_ALL));
                } else if (fast && verified.isEmpty()) {
                    send(simple(HAVE_NONE));
                } else {
                    Bitfield field = new Bitfield(count);
                    verified.stream().filter(i -> i < count).forEach(field::set);
                    send(bitfield(field.toBytes()));
                }
                advertised.or(verified);
            } else if (fast) {
                send(simple(HAVE_NONE));
            }
            // without the fast extension and without content we send no bitfield: BEP 3 lets a peer
            // that has nothing skip it, and we could not size one (a magnet: the piece count is unknown)
            if (extensionProtocol) {
                int transferPort = context.transferPort().getAsInt();
                send(extended(0, Extensions.handshake(content.map(c -> c.infoDictionary().length).orElse(-1),
                        content.map(c -> !c.privateTorrent()).orElse(true), context.listenPort().getAsInt(),
                        transferPort, REQUEST_QUEUE)));
            }
        } finally {
            lock.unlock();
        }
        threads.add(Thread.ofVirtual().name("bt-read-" + key()).start(this::readLoop));
        threads.add(Thread.ofVirtual().name("bt-write-" + key()).start(this::writeLoop));
        threads.add(Thread.ofVirtual().name("bt-upload-" + key()).start(this::uploadLoop));
    }

    // ---------------------------------------------------------------- BtPeer

    @Override
    public String key() {
        InetSocketAddress address = address();
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    @Override
    public InetSocketAddress address() {
        int listen;
        lock.lock();
        try {
            listen = remoteListenPort;
        } finally {
            lock.unlock();
        }
        if (incoming && listen > 0) {
            return new InetSocketAddress(socket.getInetAddress(), listen);
        }
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    @Override
    public String client() {
        lock.lock();
        try {
            if (remoteClient != null) {
                return remoteClient;
            }
        } finally {
            lock.unlock();
        }
        // Azureus-style peer ids: "-AR1360-..." names the client and version
        if (remotePeerId[0] == '-' && remotePeerId[7] == '-') {
            return new String(remotePeerId, 1, 6, StandardCharsets.US_ASCII);
        }
        return "unknown";
    }

    @Override
    public boolean isOpen() {
        lock.lock();
        try {
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public BitSet has() {
        lock.lock();
        try {
            return hasLocked();
        } finally {
            lock.unlock();
        }
    }

    private BitSet hasLocked() {
        BitSet copy = (BitSet) peerHas.clone();
        if (peerHasAll) {
            int count = pieceCount();
            if (count > 0) {
                copy.set(0, count);
            }
        }
        return copy;
    }

    @Override
    public OptionalInt p2pnetPort() {
        lock.lock();
        try {
            return remoteTransferPort > 0 ? OptionalInt.of(remoteTransferPort) : OptionalInt.empty();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<InetSocketAddress> pexPeers() {
        lock.lock();
        try {
            return List.copyOf(pexLearnt);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long downloaded() {
        return downloaded.get();
    }

    @Override
    public long uploaded() {
        return uploaded.get();
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

    @Override
    public boolean peerInterested() {
        lock.lock();
        try {
            return peerInterested && !closed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean amChoking() {
        lock.lock();
        try {
            return amChoking;
        } finally {
            lock.unlock();
        }
    }

    private void closeWith(String reason, boolean violation) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeReason = reason;
            changed.signalAll();
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
        outbound.clear();
        requests.clear();
        context.events().closed(this);
    }

    private String shortHash() {
        return infoHash.substring(0, 8);
    }

    // ---------------------------------------------------------------- content

    /** The content we serve for this info-hash now, if any (a download may appear or complete later). */
    private Optional<ServedTorrent> content() {
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

    /** From the content we serve, else from metadata fetched for a magnet, else -1 (unknown). */
    private int pieceCount() {
        return content().map(ServedTorrent::pieceCount)
                .orElseGet(() -> context.learntPieceCounts().getOrDefault(infoHash, -1));
    }

    boolean privateTorrent() {
        return content().map(ServedTorrent::privateTorrent).orElse(false);
    }

    // ---------------------------------------------------------------- writing

    /** Queues a message for the writer; never blocks. A peer that lets too much pile up is dropped. */
    private void send(byte[] message) {
        long queued = queuedBytes.addAndGet(message.length);
        outbound.add(message);
        if (queued > MAX_QUEUED_BYTES) {
            Thread.ofVirtual().start(() -> closeWith("does not read: " + queued + " bytes queued for it", true));
        }
    }

    private void writeLoop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                byte[] message = outbound.take();
                out.write(message);
                queuedBytes.addAndGet(-message.length);
                if (message.length > 4 && message[4] == PIECE && message.length > 13) {
                    uploadBudget.release(message.length);
                }
                if (outbound.isEmpty()) {
                    out.flush();
                }
                lastSent = System.nanoTime();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            closeWith("write failed: " + e.getMessage(), false);
        } catch (RuntimeException | Error e) {
            closeWith("writer failed: " + e, true);
        }
    }

    // ---------------------------------------------------------------- reading

    private void readLoop() {
        try {
            while (true) {
                int length = in.readInt();
                if (length == 0) {
                    continue; // keep-alive
                }
                if (length < 0 || length > MAX_MESSAGE) {
                    throw new ProtocolViolation("message length " + Integer.toUnsignedString(length)
                            + " exceeds the limit of " + MAX_MESSAGE);
                }
                int id = in.readUnsignedByte();
                if (id == PIECE && length > MAX_PIECE_MESSAGE) {
                    throw new ProtocolViolation("piece message of " + length + " bytes, more than the "
                            + MAX_PIECE_MESSAGE + " a 16 KiB block takes");
                }
                byte[] payload = new byte[length - 1];
                in.readFully(payload);
                dispatch(id, ByteBuffer.wrap(payload));
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

    private void dispatch(int id, ByteBuffer p) throws ProtocolViolation {
        switch (id) {
            case CHOKE -> {
                expectLength(id, p, 0);
                onChoke();
            }
            case UNCHOKE -> {
                expectLength(id, p, 0);
                withLock(() -> peerChoking = false);
            }
            case INTERESTED -> {
                expectLength(id, p, 0);
                withLock(() -> peerInterested = true);
                context.events().interested(this);
            }
            case NOT_INTERESTED -> {
                expectLength(id, p, 0);
                withLock(() -> peerInterested = false);
            }
            case HAVE -> {
                expectLength(id, p, 4);
                onHave(p.getInt());
            }
            case BITFIELD -> onBitfield(p);
            case REQUEST -> {
                expectLength(id, p, 12);
                onRequest(p.getInt(), p.getInt(), p.getInt());
            }
            case PIECE -> onPiece(p);
            case CANCEL -> {
                expectLength(id, p, 12);
                requests.remove(new Request(p.getInt(), p.getInt(), p.getInt()));
            }
            case HAVE_ALL, HAVE_NONE -> {
                expectLength(id, p, 0);
                withLock(() -> {
                    peerHas.clear();
                    peerHasAll = id == HAVE_ALL;
                    peerHasKnown = true;
                });
                updateInterest();
            }
            case REJECT -> {
                expectLength(id, p, 12);
                onReject(p.getInt(), p.getInt());
            }
            case EXTENDED -> onExtended(p);
            default -> {
                // PORT (DHT, off here), SUGGEST, ALLOWED_FAST and unknown ids: ignored, as BEP 3 asks
            }
        }
    }

    private static void expectLength(int id, ByteBuffer payload, int length) throws ProtocolViolation {
        if (payload.remaining() != length) {
            throw new ProtocolViolation("message " + id + " has a " + payload.remaining() + "-byte payload, not "
                    + length);
        }
    }

    private void withLock(Runnable action) {
        lock.lock();
        try {
            action.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void onChoke() {
        lock.lock();
        try {
            peerChoking = true;
            if (!fast) {
                // BEP 3: a choke drops our pending requests; ask again after the unchoke
                for (Fetch fetch : fetches.values()) {
                    fetch.requested.and(fetch.received);
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void onHave(int index) throws ProtocolViolation {
        int count = pieceCount();
        if (index < 0 || index >= (count >= 0 ? count : MAX_UNKNOWN_PIECES)) {
            throw new ProtocolViolation("have for piece " + index + (count >= 0 ? " of " + count : ""));
        }
        withLock(() -> {
            peerHas.set(index);
            peerHasKnown = true;
        });
        updateInterest();
    }

    private void onBitfield(ByteBuffer p) throws ProtocolViolation {
        byte[] wire = new byte[p.remaining()];
        p.get(wire);
        int count = pieceCount();
        BitSet bits = new BitSet();
        if (count >= 0) {
            try {
                Bitfield.fromBytes(wire, count).present().forEach(bits::set);
            } catch (IllegalArgumentException e) {
                throw new ProtocolViolation("bad bitfield: " + e.getMessage());
            }
        } else {
            // a magnet: the piece count is not known yet, so only the most a torrent can have is checked
            if (wire.length > (MAX_UNKNOWN_PIECES + 7) / 8) {
                throw new ProtocolViolation("bitfield of " + wire.length + " bytes, more than any torrent's "
                        + MAX_UNKNOWN_PIECES + " pieces take");
            }
            for (int i = 0; i < wire.length * 8; i++) {
                if ((wire[i >>> 3] & (0x80 >>> (i & 7))) != 0) {
                    bits.set(i);
                }
            }
        }
        withLock(() -> {
            peerHas.clear();
            peerHas.or(bits);
            peerHasAll = false;
            peerHasKnown = true;
        });
        updateInterest();
    }

    // ---------------------------------------------------------------- serving

    private void onRequest(int index, int begin, int length) throws ProtocolViolation {
        Optional<ServedTorrent> content = content();
        if (content.isEmpty()) {
            throw new ProtocolViolation("request for piece " + index + " of content this agent does not serve");
        }
        PieceLayout layout = content.get().content().layout();
        if (index < 0 || index >= layout.pieceCount()) {
            throw new ProtocolViolation("request for piece " + index + " of " + layout.pieceCount());
        }
        if (length <= 0 || length > MAX_REQUEST) {
            throw new ProtocolViolation("request for " + length + " bytes (0 < length <= " + MAX_REQUEST + ")");
        }
        if (begin < 0 || (long) begin + length > layout.pieceSize(index)) {
            throw new ProtocolViolation("request for bytes " + begin + "+" + length + " beyond piece " + index
                    + " of " + layout.pieceSize(index) + " bytes");
        }
        boolean choking;
        lock.lock();
        try {
            choking = amChoking;
        } finally {
            lock.unlock();
        }
        if (choking || !content.get().content().verifiedPieces().get(index)) {
            // requests racing our choke, or for a piece we never announced: BEP 6 says reject, BEP 3 ignore
            if (fast) {
                send(block(REJECT, index, begin, length));
            }
            return;
        }
        if (requests.size() >= MAX_QUEUED_REQUESTS) {
            throw new ProtocolViolation("more than " + MAX_QUEUED_REQUESTS + " queued requests");
        }
        requests.add(new Request(index, begin, length));
    }

    private void uploadLoop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Request request = requests.take();
                Optional<ServedTorrent> content = content();
                if (content.isEmpty() || amChoking()) {
                    continue;
                }
                ServedContent served = content.get().content();
                byte[] data = new byte[request.length()];
                long offset = served.layout().pieceOffset(request.index()) + request.begin();
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    if (served.read(offset + buffer.position(), buffer) <= 0) {
                        throw new IOException("content of " + infoHash + " ended at " + (offset + buffer.position()));
                    }
                }
                context.limits().upload().acquire(data.length);
                byte[] message = piece(request.index(), request.begin(), data, data.length);
                uploadBudget.acquire(message.length);
                send(message);
                uploaded.addAndGet(data.length);
                context.meter().count(TrafficMeter.Direction.OUT, "bittorrent", data.length);
                served.uploaded(data.length);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            closeWith("cannot read content to serve: " + e.getMessage(), false);
        } catch (RuntimeException | Error e) {
            closeWith("uploader failed: " + e, true);
        }
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
            send(simple(choke ? CHOKE : UNCHOKE));
            if (choke) {
                List<Request> dropped = new ArrayList<>();
                requests.drainTo(dropped);
                if (fast) {
                    dropped.forEach(r -> send(block(REJECT, r.index(), r.begin(), r.length())));
                }
            }
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- fetching pieces

    /** One piece being fetched; guarded by the connection's lock. */
    private static final class Fetch {
        final int index;
        final byte[] data;
        final int blocks;
        final BitSet requested = new BitSet();
        final BitSet received = new BitSet();
        final ArrayDeque<Integer> arrivals = new ArrayDeque<>();
        String failure;

        Fetch(int index, int length) {
            this.index = index;
            this.data = new byte[length];
            this.blocks = (length + BLOCK - 1) / BLOCK;
        }

        int blockLength(int block) {
            return Math.min(BLOCK, data.length - block * BLOCK);
        }

        boolean complete() {
            return received.cardinality() == blocks;
        }

        int inFlight() {
            BitSet pending = (BitSet) requested.clone();
            pending.andNot(received);
            return pending.cardinality();
        }
    }

    @Override
    public byte[] fetchPiece(int index, int length, BlockSink sink) throws IOException, InterruptedException {
        if (index < 0 || length <= 0) {
            throw new IllegalArgumentException("piece " + index + " of " + length + " bytes");
        }
        Fetch fetch = new Fetch(index, length);
        lock.lock();
        try {
            ensureOpen();
            if (fetches.putIfAbsent(index, fetch) != null) {
                throw new IOException("piece " + index + " is already being fetched from " + key());
            }
        } finally {
            lock.unlock();
        }
        boolean complete = false;
        try {
            updateInterest();
            fetchLoop(fetch, sink);
            complete = true;
            return fetch.data;
        } finally {
            finishFetch(fetch, complete);
        }
    }

    private void fetchLoop(Fetch fetch, BlockSink sink) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + FETCH_PATIENCE;
        while (true) {
            List<Integer> arrived = new ArrayList<>();
            List<Integer> toRequest = new ArrayList<>();
            lock.lock();
            try {
                ensureOpen();
                if (fetch.failure != null) {
                    throw new IOException(fetch.failure);
                }
                if (fetch.arrivals.isEmpty() && fetch.complete()) {
                    return;
                }
                arrived.addAll(fetch.arrivals);
                fetch.arrivals.clear();
                if (peerHasKnown && !peerHasAll && !peerHas.get(fetch.index)) {
                    throw new IOException(key() + " does not have piece " + fetch.index);
                }
                if (!peerChoking) {
                    int room = pipeline() - inFlight();
                    for (int b = fetch.requested.nextClearBit(0); b < fetch.blocks && room > 0;
                         b = fetch.requested.nextClearBit(b + 1)) {
                        fetch.requested.set(b);
                        toRequest.add(b);
                        room--;
                    }
                }
                if (arrived.isEmpty() && toRequest.isEmpty()) {
                    long wait = deadline - System.nanoTime();
                    if (wait <= 0) {
                        throw new IOException(key() + (peerChoking ? " kept us choked" : " sent nothing") + " for "
                                + TimeUnit.NANOSECONDS.toSeconds(FETCH_PATIENCE) + " s (piece " + fetch.index + ")");
                    }
                    changed.awaitNanos(wait);
                    continue;
                }
            } finally {
                lock.unlock();
            }
            for (int b : toRequest) {
                send(block(REQUEST, fetch.index, b * BLOCK, fetch.blockLength(b)));
            }
            for (int bytes : arrived) {
                sink.accept(bytes);
            }
            if (!arrived.isEmpty()) {
                deadline = System.nanoTime() + FETCH_PATIENCE;
            }
        }
    }

    private int pipeline() {
        return remoteRequestQueue > 0 ? Math.min(remoteRequestQueue, MAX_PIPELINE) : DEFAULT_PIPELINE;
    }

    private int inFlight() {
        return fetches.values().stream().mapToInt(Fetch::inFlight).sum();
    }

    private void finishFetch(Fetch fetch, boolean complete) {
        lock.lock();
        try {
            fetches.remove(fetch.index, fetch);
            if (!complete && !closed) {
                BitSet pending = (BitSet) fetch.requested.clone();
                pending.andNot(fetch.received);
                pending.stream().forEach(b -> {
                    send(block(CANCEL, fetch.index, b * BLOCK, fetch.blockLength(b)));
                    rememberCancelled(fetch.index, b * BLOCK);
                });
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        updateInterest();
    }

    /** Blocks we cancelled may still arrive (they were in flight): those are not hostile. */
    private void rememberCancelled(int index, int begin) {
        cancelled.add(((long) index << 32) | begin);
        if (cancelled.size() > 4 * MAX_PIPELINE) {
            Iterator<Long> oldest = cancelled.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("connection to " + key() + " closed: " + closeReason);
        }
    }

    private void onPiece(ByteBuffer p) throws ProtocolViolation {
        if (p.remaining() <= 8) {
            throw new ProtocolViolation("piece message without block data");
        }
        int index = p.getInt();
        int begin = p.getInt();
        int length = p.remaining();
        lock.lock();
        try {
            Fetch fetch = fetches.get(index);
            int block = begin / BLOCK;
            boolean expected = fetch != null && begin % BLOCK == 0 && block < fetch.blocks
                    && fetch.blockLength(block) == length && !fetch.received.get(block);
            if (!expected) {
                if (cancelled.remove(((long) index << 32) | begin)) {
                    return;
                }
                throw new ProtocolViolation("piece data we did not ask for: piece " + index + ", bytes " + begin + "+"
                        + length);
            }
            p.get(fetch.data, begin, length);
            fetch.received.set(block);
            fetch.requested.set(block);
            fetch.arrivals.add(length);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        downloaded.addAndGet(length);
        context.meter().count(TrafficMeter.Direction.IN, "bittorrent", length);
    }

    private void onReject(int index, int begin) {
        lock.lock();
        try {
            Fetch fetch = fetches.get(index);
            if (fetch != null && begin % BLOCK == 0 && fetch.requested.get(begin / BLOCK)
                    && !fetch.received.get(begin / BLOCK)) {
                fetch.failure = key() + " rejected our request for piece " + index + " (BEP 6)";
                changed.signalAll();
            }
            // a reject for something we cancelled or already have is harmless
        } finally {
            lock.unlock();
        }
    }

    /** Interested iff we are fetching from the peer or it has a piece our content lacks. */
    void updateInterest() {
        Optional<ServedTorrent> content = content();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            boolean want = !fetches.isEmpty();
            if (!want && content.isPresent()) {
                BitSet useful = hasLocked();
                useful.andNot(content.get().content().verifiedPieces());
                want = !useful.isEmpty();
            }
            if (want != amInterested) {
                amInterested = want;
                send(simple(want ? INTERESTED : NOT_INTERESTED));
            }
        } finally {
            lock.unlock();
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
                        fresh.stream().forEach(i -> send(have(i)));
                    }
                } finally {
                    lock.unlock();
                }
            }
            updateInterest();
            if (System.nanoTime() - lastSent > KEEP_ALIVE_NANOS && outbound.isEmpty()) {
                send(KEEP_ALIVE);
            }
        } finally {
            ticking.set(false);
        }
    }

    /** BEP 11: tells the peer which of our peers are new and which left since the last message. */
    void sendPex(Set<InetSocketAddress> current) {
        lock.lock();
        try {
            if (closed || remotePexId <= 0 || privateTorrent()) {
                return;
            }
            List<InetSocketAddress> added = current.stream().filter(a -> !pexSent.contains(a))
                    .limit(Extensions.PEX_MAX_ADDED).toList();
            List<InetSocketAddress> dropped = pexSent.stream().filter(a -> !current.contains(a)).toList();
            if (added.isEmpty() && dropped.isEmpty()) {
                return;
            }
            pexSent.addAll(added);
            dropped.forEach(pexSent::remove);
            send(extended(remotePexId, Extensions.pex(added, dropped)));
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- extensions

    private void onExtended(ByteBuffer p) throws ProtocolViolation {
        if (p.remaining() < 1) {
            throw new ProtocolViolation("extended message without an extension id");
        }
        int extension = p.get() & 0xff;
        byte[] payload = new byte[p.remaining()];
        p.get(payload);
        try {
            switch (extension) {
                case 0 -> onExtensionHandshake(Bencode.decodeDictionary(payload, BencodeLimits.EXTENSION_MESSAGE));
                case Extensions.UT_METADATA -> onMetadata(payload);
                case Extensions.UT_PEX -> onPex(Bencode.decodeDictionary(payload, BencodeLimits.EXTENSION_MESSAGE));
                default -> {
                    // an extension we did not offer: ignored
                }
            }
        } catch (BencodeException e) {
            throw new ProtocolViolation("bad bencode in extension message " + extension + ": " + e.getMessage());
        }
    }

    private void onExtensionHandshake(BDictionary d) {
        BDictionary m = d.optionalDictionary("m").orElse(BDictionary.builder().build());
        lock.lock();
        try {
            remoteMetadataId = Math.max(0, Extensions.intOrMinusOne(m, "ut_metadata"));
            remotePexId = Math.max(0, Extensions.intOrMinusOne(m, "ut_pex"));
            if (remoteMetadataId > 255 || remotePexId > 255) {
                remoteMetadataId = remoteMetadataId > 255 ? 0 : remoteMetadataId;
                remotePexId = remotePexId > 255 ? 0 : remotePexId;
            }
            remoteMetadataSize = Extensions.intOrMinusOne(d, "metadata_size");
            int port = Extensions.intOrMinusOne(d, "p");
            remoteListenPort = port > 0 && port <= 65535 ? port : -1;
            int transfer = Extensions.intOrMinusOne(d, "p2pnet_port");
            remoteTransferPort = transfer > 0 && transfer <= 65535 ? transfer : -1;
            remoteRequestQueue = Extensions.intOrMinusOne(d, "reqq");
            remoteClient = d.get("v").filter(BString.class::isInstance).map(v -> ((BString) v).asUtf8())
                    .map(v -> v.length() > 64 ? v.substring(0, 64) : v).orElse(remoteClient);
            extHandshakeReceived = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code timeout} for the peer's extension handshake (only if it speaks BEP 10). */
    void awaitExtensionHandshake(Duration timeout) throws InterruptedException {
        if (!extensionProtocol) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!extHandshakeReceived && !closed) {
                long wait = deadline - System.nanoTime();
                if (wait <= 0) {
                    return;
                }
                changed.awaitNanos(wait);
            }
        } finally {
            lock.unlock();
        }
    }

    private void onPex(BDictionary d) {
        if (privateTorrent()) {
            return; // BEP 27: no peer exchange for private torrents
        }
        List<InetSocketAddress> added = d.optionalString("added").map(Extensions::parseCompact).orElse(List.of());
        List<InetSocketAddress> dropped = d.optionalString("dropped").map(Extensions::parseCompact).orElse(List.of());
        lock.lock();
        try {
            dropped.forEach(pexLearnt::remove);
            for (InetSocketAddress peer : added) {
                pexLearnt.add(peer);
                if (pexLearnt.size() > MAX_PEX) {
                    Iterator<InetSocketAddress> oldest = pexLearnt.iterator();
                    oldest.next();
                    oldest.remove();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- BEP 9 metadata

    private static final class MetadataFetch {
        final byte[] data;
        final BitSet received = new BitSet();
        final int pieces;
        String failure;

        MetadataFetch(int size) {
            data = new byte[size];
            pieces = (size + Extensions.METADATA_PIECE - 1) / Extensions.METADATA_PIECE;
        }

        int pieceLength(int piece) {
            return Math.min(Extensions.METADATA_PIECE, data.length - piece * Extensions.METADATA_PIECE);
        }
    }

    private void onMetadata(byte[] payload) throws ProtocolViolation {
        BDictionary d = Bencode.decodeDictionaryPrefix(payload, BencodeLimits.EXTENSION_MESSAGE);
        int type = Extensions.intOrMinusOne(d, "msg_type");
        int piece = Extensions.intOrMinusOne(d, "piece");
        if (type < 0 || piece < 0) {
            throw new ProtocolViolation("ut_metadata message without msg_type or piece");
        }
        switch (type) {
            case 0 -> serveMetadata(piece);
            case 1 -> onMetadataData(piece, Extensions.intOrMinusOne(d, "total_size"), payload, d.rawBytes().length);
            case 2 -> withLock(() -> {
                if (metadataFetch != null) {
                    metadataFetch.failure = key() + " rejected our request for metadata piece " + piece;
                }
            });
            default -> {
                // unknown message types are ignored (BEP 9)
            }
        }
    }

    private void serveMetadata(int piece) {
        Optional<ServedTorrent> content = content();
        int remoteId;
        lock.lock();
        try {
            remoteId = remoteMetadataId;
        } finally {
            lock.unlock();
        }
        if (remoteId <= 0) {
            return; // it never told us its id for ut_metadata: we cannot answer
        }
        if (content.isEmpty() || (long) piece * Extensions.METADATA_PIECE >= content.get().infoDictionary().length) {
            send(extended(remoteId, Extensions.metadataReject(piece)));
        } else {
            send(extended(remoteId, Extensions.metadataData(piece, content.get().infoDictionary())));
        }
    }

    private void onMetadataData(int piece, int totalSize, byte[] payload, int dataStart) throws ProtocolViolation {
        lock.lock();
        try {
            MetadataFetch fetch = metadataFetch;
            if (fetch == null) {
                return; // unsolicited (or after we gave up): ignored
            }
            int length = payload.length - dataStart;
            if (piece >= fetch.pieces || totalSize != fetch.data.length || length != fetch.pieceLength(piece)) {
                throw new ProtocolViolation("ut_metadata piece " + piece + " of " + length + " bytes (total "
                        + totalSize + ") does not fit metadata of " + fetch.data.length + " bytes");
            }
            System.arraycopy(payload, dataStart, fetch.data, piece * Extensions.METADATA_PIECE, length);
            fetch.received.set(piece);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** BEP 9: the info dictionary, checked against the info-hash. One metadata fetch at a time per connection. */
    synchronized byte[] fetchMetadata(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitExtensionHandshake(timeout);
        MetadataFetch fetch;
        int remoteId;
        lock.lock();
        try {
            ensureOpen();
            if (!extHandshakeReceived || remoteMetadataId <= 0) {
                throw new IOException(key() + " does not offer ut_metadata (BEP 9)");
            }
            if (remoteMetadataSize <= 0 || remoteMetadataSize > MAX_METADATA) {
                throw new IOException(key() + " announced metadata_size " + remoteMetadataSize
                        + " (must be 1.." + MAX_METADATA + ")");
            }
            fetch = new MetadataFetch(remoteMetadataSize);
            metadataFetch = fetch;
            remoteId = remoteMetadataId;
        } finally {
            lock.unlock();
        }
        try {
            for (int piece = 0; piece < fetch.pieces; piece++) {
                send(extended(remoteId, Extensions.metadataRequest(piece)));
            }
            lock.lock();
            try {
                while (fetch.received.cardinality() < fetch.pieces) {
                    ensureOpen();
                    if (fetch.failure != null) {
                        throw new IOException(fetch.failure);
                    }
                    long wait = deadline - System.nanoTime();
                    if (wait <= 0) {
                        throw new IOException("no metadata from " + key() + " within " + timeout);
                    }
                    changed.awaitNanos(wait);
                }
            } finally {
                lock.unlock();
            }
        } finally {
            withLock(() -> metadataFetch = null);
        }
        if (!MessageDigest.isEqual(sha1(fetch.data), HexFormat.of().parseHex(infoHash))) {
            throw new IOException("metadata from " + key() + " does not hash to info-hash " + infoHash);
        }
        try {
            // lets have() size a have_all, and checks bitfields of later connections, before the content exists
            InfoDictionary info = InfoDictionary.of(Bencode.decodeDictionary(fetch.data, BencodeLimits.TORRENT));
            context.learntPieceCounts().put(infoHash, info.pieceCount());
        } catch (RuntimeException e) {
            throw new IOException("metadata from " + key() + " is not a valid info dictionary: " + e.getMessage(), e);
        }
        return fetch.data;
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    @Override
    public String toString() {
        return (incoming ? "in " : "out ") + key() + " " + shortHash();
    }
}

package net.p2pnet.agent.transfer;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.p2pnet.agent.config.OptionalBean;
import net.p2pnet.agent.identity.PeerIdentity;
import net.p2pnet.model.crypto.VerificationException;
import net.p2pnet.model.torrent.AnnouncePasskeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Routes the transfer port's requests (all GET or HEAD):
 * <pre>
 * /p2p/v1/files/{infoHash}               file info: size, pieces, verified bitfield, ed2k hashset
 * /p2p/v1/files/{infoHash}/torrent       the raw .torrent
 * /p2p/v1/files/{infoHash}/pieces/{n}    one verified piece (upload slot; busy: 503 + Retry-After);
 *                                        ?count=k: pieces n .. n+k-1 back to back in one answer
 * /p2p/v1/files/{infoHash}/sources       other agents known to hold it (source exchange)
 * /p2p/v1/ed2k/{ed2kHash}                file info looked up by ed2k hash (ed2k links)
 * /files/{infoHash}/{name}               the whole file with HTTP Range (any HTTP client; BEP 19 web seeds)
 * </pre>
 * A request may carry {@code X-P2pnet-Port: <transfer port>}: its sender is then remembered as a
 * source of that file and passed on by source exchange (MLdonkey-style gossip). Errors are RFC 9457
 * problem details.
 */
@Component
public class TransferHandler {

    /** The header with which a downloading agent tells where its own transfer port is. */
    public static final String PORT_HEADER = "X-P2pnet-Port";

    private static final Logger log = LoggerFactory.getLogger(TransferHandler.class);

    private final ContentCatalog catalog;
    private final PieceUploads uploads;
    private final OptionalBean<PeerTicketVerifier> verifier;
    private final PeerIdentity identity;
    private final PeerProofProperties proofProperties;
    private volatile MemberProof proof;

    public TransferHandler(ContentCatalog catalog, PieceUploads uploads, ObjectProvider<PeerTicketVerifier> verifier,
            PeerIdentity identity, PeerProofProperties proofProperties) {
        this.catalog = catalog;
        this.uploads = uploads;
        this.verifier = new OptionalBean<>(verifier);
        this.identity = identity;
        this.proofProperties = proofProperties;
    }

    /**
     * Answers one request.
     *
     * @return whether the answer is complete, so that the connection may carry another request
     */
    boolean handle(TransferExchange ex) {
        try {
            route(ex);
            return true;
        } catch (IOException e) {
            log.debug("transfer request {} ended early: {}", ex.path(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("transfer request {} failed", ex.path(), e);
            if (!ex.started()) {
                try {
                    ex.problem(500, "Internal error", "the agent could not answer this request; see its log");
                    return true;
                } catch (IOException | RuntimeException again) {
                    log.debug("could not report the failure of {}: {}", ex.path(), again.getMessage());
                }
            }
        }
        return false;
    }

    private void route(TransferExchange ex) throws IOException {
        if (!ex.isGetOrHead()) {
            ex.setHeader("Allow", "GET, HEAD");
            ex.problem(405, "Method not allowed", "the transfer port answers GET and HEAD only");
            return;
        }
        if (!authorized(ex)) {
            return;
        }
        List<String> parts = ex.pathSegments();
        if (parts.size() >= 3 && parts.get(0).equals("p2p") && parts.get(1).equals("v1")) {
            routeProtocol(ex, parts.subList(2, parts.size()));
        } else if (parts.size() == 3 && parts.get(0).equals("files")) {
            withContent(ex, parts.get(1), content -> uploads.serveFile(ex, content,
                    URLDecoder.decode(parts.get(2), StandardCharsets.UTF_8)));
        } else {
            ex.problem(404, "Not found", "no such transfer resource: " + ex.path());
        }
    }

    private void routeProtocol(TransferExchange ex, List<String> parts) throws IOException {
        if (parts.size() == 2 && parts.get(0).equals("ed2k")) {
            Optional<ServedContent> found = catalog.findByEd2k(parts.get(1));
            if (found.isEmpty()) {
                ex.problem(404, "Unknown file", "this agent serves no file with ed2k hash " + parts.get(1));
            } else {
                ex.json(200, FileInfo.of(found.get()));
            }
            return;
        }
        if (parts.size() < 2 || !parts.get(0).equals("files")) {
            ex.problem(404, "Not found", "no such transfer resource: " + ex.path());
            return;
        }
        withContent(ex, parts.get(1), content -> {
            noteSender(ex, content);
            String what = parts.size() == 2 ? "info" : parts.get(2);
            switch (what) {
                case "info" -> ex.json(200, FileInfo.of(content));
                case "torrent" -> ex.bytes(200, "application/x-bittorrent", AnnouncePasskeys.strip(content.torrent()));
                case "sources" -> ex.json(200, content.knownSources().stream()
                        .filter(s -> !s.equals(ex.senderTransferAddress().orElse(null)))
                        .map(s -> s.getHostString() + ":" + s.getPort()).toList());
                case "pieces" -> servePiece(ex, content, parts);
                default -> ex.problem(404, "Not found", "no such transfer resource: " + ex.path());
            }
        });
    }

    private void servePiece(TransferExchange ex, ServedContent content, List<String> parts) throws IOException {
        int pieceCount = content.layout().pieceCount();
        int index = parts.size() == 4 ? number(parts.get(3)) : -1;
        if (index < 0 || index >= pieceCount) {
            ex.problem(400, "Bad piece index", "piece index must be 0.." + (pieceCount - 1) + ", was '"
                    + (parts.size() == 4 ? parts.get(3) : "") + "'");
            return;
        }
        String countText = ex.query("count").orElse("1");
        int count = number(countText);
        int most = PieceUploads.maxRun(content.layout());
        if (count < 1 || count > most || index + count > pieceCount) {
            ex.problem(400, "Bad piece count", "count must be 1.." + Math.min(most, pieceCount - index)
                    + " for piece " + index + ", was '" + countText + "'");
            return;
        }
        uploads.servePieces(ex, content, index, count);
    }

    /** A non-negative decimal number, or -1. */
    private static int number(String text) {
        try {
            return text.isEmpty() || text.charAt(0) == '+' ? -1 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void noteSender(TransferExchange ex, ServedContent content) {
        ex.senderTransferAddress().ifPresent(content::noteSource);
    }

    /**
     * Open networks serve anyone; in a private one a connection serves a member once it proved to be
     * one ({@link MemberProof}). Otherwise answers 401 with a fresh challenge and returns false.
     */
    private boolean authorized(TransferExchange ex) throws IOException {
        Optional<PeerTicketVerifier> tickets = verifier.get();
        if (tickets.isEmpty() || ex.member().isPresent()) {
            return true;
        }
        MemberProof members = memberProof(tickets.get());
        String detail;
        if (ex.header(MemberProof.CHALLENGE_HEADER).isEmpty()) {
            detail = "this is a private network: answer the challenge with your peer ticket (Authorization: Bearer) "
                    + "and a signature of your key";
        } else {
            try {
                ex.authenticate(members.verify(ex).peerId());
                return true;
            } catch (VerificationException e) {
                log.debug("refused a member proof from {} ({}): {}", ex.path(), e.reason(), e.getMessage());
                detail = "peer proof refused: " + e.getMessage();
            }
        }
        ex.setHeader("WWW-Authenticate", members.challenge().header());
        ex.problem(401, "Peer proof required", detail);
        return false;
    }

    private MemberProof memberProof(PeerTicketVerifier tickets) {
        MemberProof current = proof;
        if (current == null) {
            current = new MemberProof(identity.peerId(), tickets, proofProperties, Clock.systemUTC());
            proof = current;
        }
        return current;
    }

    private void withContent(TransferExchange ex, String infoHash, ContentAction action) throws IOException {
        Optional<ServedContent> content = infoHash.length() == 40 ? catalog.find(infoHash) : Optional.empty();
        if (content.isEmpty()) {
            ex.problem(404, "Unknown file", "this agent serves no file with info-hash " + infoHash);
            return;
        }
        action.run(content.get());
    }

    @FunctionalInterface
    private interface ContentAction {
        void run(ServedContent content) throws IOException;
    }
}

package net.p2pnet.agent.bittorrent;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.BInteger;
import net.p2pnet.model.bencode.BString;
import net.p2pnet.model.bencode.Bencode;

/** BEP 10 extension handshake, BEP 9 ut_metadata and BEP 11 ut_pex payloads. */
final class Extensions {

    /** Our extension message ids (the ids peers use when they send to us). */
    static final int UT_PEX = 1;
    static final int UT_METADATA = 2;
    static final String CLIENT = "p2pnet-agent/0.1";
    /** BEP 9: metadata travels in 16 KiB pieces. */
    static final int METADATA_PIECE = 16 * 1024;
    /** BEP 11: at most 50 added peers per message. */
    static final int PEX_MAX_ADDED = 50;

    private Extensions() {
    }

    /**
     * Our extension handshake.
     *
     * @param metadataSize  info dictionary size, or -1 when we do not have it (magnet)
     * @param pex           whether to offer ut_pex (never for private torrents, BEP 27)
     * @param transferPort  the agent's native HTTP transfer port, or -1
     */
    static byte[] handshake(int metadataSize, boolean pex, int listenPort, int transferPort, int requestQueue) {
        BDictionary.Builder m = BDictionary.builder().put("ut_metadata", UT_METADATA);
        if (pex) {
            m.put("ut_pex", UT_PEX);
        }
        BDictionary.Builder d = BDictionary.builder().put("m", m.build()).put("v", CLIENT).put("reqq", requestQueue);
        if (metadataSize >= 0) {
            d.put("metadata_size", metadataSize);
        }
        if (listenPort > 0) {
            d.put("p", listenPort);
        }
        if (transferPort > 0) {
            d.put("p2pnet_port", transferPort);
        }
        return Bencode.encode(d.build());
    }

    static byte[] metadataRequest(int piece) {
        return Bencode.encode(BDictionary.builder().put("msg_type", 0).put("piece", piece).build());
    }

    static byte[] metadataReject(int piece) {
        return Bencode.encode(BDictionary.builder().put("msg_type", 2).put("piece", piece).build());
    }

    static byte[] metadataData(int piece, byte[] info) {
        int from = piece * METADATA_PIECE;
        int to = Math.min(info.length, from + METADATA_PIECE);
        byte[] head = Bencode.encode(BDictionary.builder().put("msg_type", 1).put("piece", piece)
                .put("total_size", info.length).build());
        return ByteBuffer.allocate(head.length + to - from).put(head).put(info, from, to - from).array();
    }

    /** BEP 11 message: IPv4 peers in compact form (6 bytes each). */
    static byte[] pex(Collection<InetSocketAddress> added, Collection<InetSocketAddress> dropped) {
        byte[] addedBytes = compact(added);
        return Bencode.encode(BDictionary.builder().put("added", addedBytes)
                .put("added.f", new byte[addedBytes.length / 6]).put("dropped", compact(dropped)).build());
    }

    static byte[] compact(Collection<InetSocketAddress> peers) {
        ByteBuffer out = ByteBuffer.allocate(peers.size() * 6);
        for (InetSocketAddress peer : peers) {
            if (peer.getAddress() instanceof Inet4Address v4) {
                out.put(v4.getAddress()).putShort((short) peer.getPort());
            }
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    /** Compact IPv4 peers; a trailing partial entry is ignored, port 0 skipped. */
    static List<InetSocketAddress> parseCompact(BString compact) {
        byte[] bytes = compact.bytes();
        List<InetSocketAddress> peers = new ArrayList<>();
        for (int i = 0; i + 6 <= bytes.length; i += 6) {
            int port = ((bytes[i + 4] & 0xff) << 8) | (bytes[i + 5] & 0xff);
            if (port == 0) {
                continue;
            }
            try {
                peers.add(new InetSocketAddress(InetAddress.getByAddress(Arrays.copyOfRange(bytes, i, i + 4)), port));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("a 4-byte address is always valid", e);
            }
        }
        return peers;
    }

    /** An integer entry that must fit an int, or -1 when absent or not an integer. */
    static int intOrMinusOne(BDictionary d, String key) {
        return d.get(key).filter(BInteger.class::isInstance).map(v -> ((BInteger) v).value())
                .filter(v -> v >= 0 && v <= Integer.MAX_VALUE).map(Long::intValue).orElse(-1);
    }
}

package net.p2pnet.agent.upstream;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.p2pnet.agent.transfer.ServedContent;
import net.p2pnet.model.net.AddressScope;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.BList;
import net.p2pnet.model.bencode.BString;
import net.p2pnet.model.bencode.Bencode;
import net.p2pnet.model.bencode.BencodeException;
import net.p2pnet.model.bencode.BencodeLimits;
import net.p2pnet.model.bencode.BencodeValue;

/**
 * Reads a tracker's bencoded announce response: {@code failure reason}, {@code interval},
 * {@code peers} as a compact string (BEP 23, 6 bytes per IPv4 peer) or a list of dictionaries
 * (BEP 3), and {@code peers6} (BEP 7, 18 bytes per IPv6 peer).
 */
final class AnnounceResponseParser {

    private static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(30);

    private AnnounceResponseParser() {
    }

    static AnnounceResult parse(byte[] body, String tracker) {
        BDictionary reply;
        try {
            reply = Bencode.decodeDictionary(body, BencodeLimits.TRACKER_RESPONSE);
        } catch (BencodeException e) {
            throw new UpstreamException("tracker " + tracker + " sent a malformed announce reply: " + e.getMessage());
        }
        if (reply.containsKey("failure reason")) {
            throw new UpstreamException("tracker " + tracker + " refused the announce: " + reply.text("failure reason"));
        }
        try {
            Duration interval = Duration.ofSeconds(reply.optionalInteger("interval").orElse(DEFAULT_INTERVAL.toSeconds()));
            List<InetSocketAddress> peers = new ArrayList<>();
            reply.get("peers").ifPresent(value -> peers.addAll(peers(value, 4)));
            reply.get("peers6").ifPresent(value -> peers.addAll(peers(value, 16)));
            Duration minInterval = reply.optionalInteger("min interval").stream().mapToObj(Duration::ofSeconds)
                    .findFirst().filter(min -> min.compareTo(interval) < 0).orElse(interval);
            return new AnnounceResult(interval, minInterval, (int) reply.optionalInteger("complete").orElse(0),
                    (int) reply.optionalInteger("incomplete").orElse(0), peers);
        } catch (BencodeException | IllegalArgumentException e) {
            throw new UpstreamException("tracker " + tracker + " sent an unusable announce reply: " + e.getMessage());
        }
    }

    private static List<InetSocketAddress> peers(BencodeValue value, int addressBytes) {
        if (value instanceof BString compact) {
            return compact(compact.bytes(), addressBytes);
        }
        if (value instanceof BList list) {
            // IP literals only: a name from the tracker is never looked up; at most as many as we keep
            return list.dictionaries().stream().limit(ServedContent.MAX_KNOWN_SOURCES)
                    .map(d -> AddressScope.literal(d.text("ip")).map(ip -> new InetSocketAddress(ip, (int) d.integer("port"))))
                    .flatMap(Optional::stream).toList();
        }
        throw new IllegalArgumentException("'peers' is neither a compact string nor a list");
    }

    private static List<InetSocketAddress> compact(byte[] bytes, int addressBytes) {
        int entry = addressBytes + 2;
        if (bytes.length % entry != 0) {
            throw new IllegalArgumentException("compact peer list of " + bytes.length + " bytes is not a multiple of "
                    + entry);
        }
        int count = Math.min(bytes.length / entry, ServedContent.MAX_KNOWN_SOURCES);
        List<InetSocketAddress> peers = new ArrayList<>(count);
        for (int at = 0; at < count * entry; at += entry) {
            int port = ((bytes[at + addressBytes] & 0xFF) << 8) | (bytes[at + addressBytes + 1] & 0xFF);
            try {
                peers.add(new InetSocketAddress(InetAddress.getByAddress(Arrays.copyOfRange(bytes, at, at + addressBytes)),
                        port));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("bad peer address", e);
            }
        }
        return peers;
    }
}

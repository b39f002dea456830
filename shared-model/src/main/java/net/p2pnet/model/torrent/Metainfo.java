package net.p2pnet.model.torrent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.BList;
import net.p2pnet.model.bencode.BString;
import net.p2pnet.model.bencode.BencodeException;
import net.p2pnet.model.bencode.BencodeLimits;
import net.p2pnet.model.bencode.BencodeValue;
import net.p2pnet.model.bencode.Bencode;

/**
 * A {@code .torrent} file: the {@link InfoDictionary} plus where to find peers and who made it.
 * BEP 3 {@code announce}, BEP 12 {@code announce-list} (tiers), BEP 19 {@code url-list} (web seeds,
 * a string or a list), {@code comment}, {@code created by}, {@code creation date}.
 */
public final class Metainfo {

    /** The largest {@code .torrent} any p2pnet service reads, stores or fetches (BencodeLimits.TORRENT). */
    public static final int MAX_TORRENT_BYTES = 16 * 1024 * 1024;

    private final InfoDictionary info;
    private final String announce;
    private final List<List<String>> announceTiers;
    private final List<String> webSeeds;
    private final String comment;
    private final String createdBy;
    private final Instant creationDate;

    /**
     * @param announce      the BEP 3 tracker URL, or null for a trackerless torrent
     * @param announceTiers BEP 12 tiers, empty when there is no {@code announce-list}
     * @param comment       null when absent; likewise {@code createdBy} and {@code creationDate}
     */
    public Metainfo(InfoDictionary info, String announce, List<List<String>> announceTiers, List<String> webSeeds,
            String comment, String createdBy, Instant creationDate) {
        this.info = Objects.requireNonNull(info, "info");
        this.announce = announce;
        this.announceTiers = announceTiers.stream().map(List::copyOf).toList();
        this.webSeeds = List.copyOf(webSeeds);
        this.comment = comment;
        this.createdBy = createdBy;
        this.creationDate = creationDate;
    }

    /** Reads a {@code .torrent}; anything unusable is an {@link InvalidTorrentException} naming the entry. */
    public static Metainfo read(byte[] torrent) {
        BDictionary top;
        try {
            top = Bencode.decodeDictionary(torrent, BencodeLimits.TORRENT);
        } catch (BencodeException e) {
            throw new InvalidTorrentException("malformed torrent: " + e.getMessage(), e);
        }
        InfoDictionary info = InfoDictionary.of(topLevel(top, "info", () -> top.dictionary("info")));
        return new Metainfo(info,
                topLevel(top, "announce", () -> top.optionalText("announce").orElse(null)),
                topLevel(top, "announce-list", () -> tiers(top)),
                topLevel(top, "url-list", () -> webSeeds(top)),
                topLevel(top, "comment", () -> top.optionalText("comment").orElse(null)),
                topLevel(top, "created by", () -> top.optionalText("created by").orElse(null)),
                topLevel(top, "creation date", () -> creationDate(top)));
    }

    /** Reads a {@code .torrent} file, refusing one beyond MAX_TORRENT_BYTES before loading it. */
    public static Metainfo read(Path torrentFile) throws IOException {
        long size = Files.size(torrentFile);
        if (size > MAX_TORRENT_BYTES) {
            throw new InvalidTorrentException(torrentFile + ": " + size + " bytes is too large for a torrent (limit "
                    + MAX_TORRENT_BYTES + ")");
        }
        try (InputStream in = Files.newInputStream(torrentFile)) {
            return read(in);
        }
    }

    /** Reads a {@code .torrent} from a stream (an upload, a download), at most MAX_TORRENT_BYTES. */
    public static Metainfo read(InputStream in) throws IOException {
        byte[] torrent = in.readNBytes(MAX_TORRENT_BYTES);
        if (in.read() != -1) {
            throw new InvalidTorrentException("torrent exceeds the limit of " + MAX_TORRENT_BYTES
                    + " bytes");
        }
        return read(torrent);
    }

    private static <T> T topLevel(BDictionary top, String key, Supplier<T> read) {
        try {
            return read.get();
        } catch (BencodeException e) {
            throw new InvalidTorrentException(key + ": " + e.getMessage(), e);
        }
    }

    private static Instant creationDate(BDictionary top) {
        OptionalLong seconds = top.optionalInteger("creation date");
        if (seconds.isEmpty()) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(seconds.getAsLong());
        } catch (DateTimeException e) {
            throw new InvalidTorrentException("creation date: " + seconds.getAsLong() + " seconds is out of range", e);
        }
    }

    private static List<List<String>> tiers(BDictionary top) {
        return top.optionalList("announce-list")
                .map(list -> list.values().stream().map(tier -> expectList(tier).strings()).toList())
                .orElse(List.of());
    }

    private static BList expectList(BencodeValue tier) {
        if (tier instanceof BList list) {
            return list;
        }
        throw new BencodeException("a tier must be a list, found " + tier.typeName(), tier.offset());
    }

    /** BEP 19 allows a single URL string or a list of them. */
    private static List<String> webSeeds(BDictionary top) {
        return top.get("url-list").map(v -> v instanceof BString s ? List.of(s.asUtf8())
                : top.list("url-list").strings()).orElse(List.of());
    }

    /** Encodes the torrent. The info dictionary is written as read, so the info-hash is unchanged. */
    public byte[] toBytes() {
        BDictionary.Builder top = BDictionary.builder().put("info", info.dictionary());
        if (announce != null) {
            top.put("announce", announce);
        }
        if (!announceTiers.isEmpty()) {
            top.put("announce-list", BList.of(announceTiers.stream()
                    .map(tier -> BList.of(tier.stream().map(BString::of).toList())).toList()));
        }
        // mktorrent writes a lone web seed as a string, several as a list (both BEP 19).
        if (webSeeds.size() == 1) {
            top.put("url-list", webSeeds.getFirst());
        } else if (webSeeds.size() > 1) {
            top.putStrings("url-list", webSeeds);
        }
        comment().ifPresent(c -> top.put("comment", c));
        createdBy().ifPresent(c -> top.put("created by", c));
        creationDate().ifPresent(d -> top.put("creation date", d.getEpochSecond()));
        return Bencode.encode(top.build());
    }

    public InfoDictionary info() {
        return info;
    }

    public InfoHash infoHash() {
        return info.infoHash();
    }

    public Optional<String> announce() {
        return Optional.ofNullable(announce);
    }

    public List<List<String>> announceTiers() {
        return announceTiers;
    }

    /**
     * Every tracker URL once, in the order a client tries them: the tiers when there is an
     * {@code announce-list} (BEP 12 says clients then ignore {@code announce}), else {@code announce}.
     */
    public List<String> trackers() {
        LinkedHashSet<String> urls = new LinkedHashSet<>();
        announceTiers.forEach(urls::addAll);
        if (urls.isEmpty() && announce != null) {
            urls.add(announce);
        }
        return List.copyOf(urls);
    }

    /** BEP 19 web seeds. */
    public List<String> webSeeds() {
        return webSeeds;
    }

    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    public Optional<String> createdBy() {
        return Optional.ofNullable(createdBy);
    }

    public Optional<Instant> creationDate() {
        return Optional.ofNullable(creationDate);
    }

    @Override
    public String toString() {
        return "Metainfo[" + info + ", trackers " + trackers() + "]";
    }
}

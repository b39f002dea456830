package net.p2pnet.model.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import net.p2pnet.model.text.Excerpt;
import net.p2pnet.model.torrent.InfoDictionary;
import net.p2pnet.model.torrent.InfoHash;
import org.bouncycastle.util.encoders.Base32;

/**
 * A BitTorrent magnet link (BEP 9): {@code magnet:?xt=urn:btih:HASH} with the optional display
 * name {@code dn}, exact length {@code xl}, trackers {@code tr} (several) and web seeds {@code ws}
 * (BEP 19). The info-hash may be 40 hex digits or, as older clients write it, 32 base32 characters.
 * Other parameters (and other {@code xt} URNs such as {@code urn:ed2k:}) are skipped, as clients do.
 *
 * <p>{@link #toString()} writes {@code xl}, {@code dn}, {@code xt} in rhash's order (so
 * {@code rhash --magnet --btih} prints the same link for a file), then {@code tr} and {@code ws}.
 *
 * @param infoHash    the torrent's info-hash
 * @param displayName suggested file name, or null
 * @param length      exact content length in bytes, or null
 * @param trackers    announce URLs, in link order
 * @param webSeeds    web seed URLs, in link order
 */
public record MagnetLink(InfoHash infoHash, String displayName, Long length, List<String> trackers,
        List<String> webSeeds) {

    private static final String PREFIX = "magnet:?";
    private static final String BTIH = "urn:btih:";
    private static final Pattern HEX40 = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Pattern BASE32_32 = Pattern.compile("[a-zA-Z2-7]{32}");

    public MagnetLink {
        if (infoHash == null) {
            throw new InvalidLinkException("magnet link needs an info-hash");
        }
        if (displayName != null) {
            LinkValues.checkFileName(displayName, "magnet link name (dn)");
        }
        if (length != null && length < 0) {
            throw new InvalidLinkException("magnet link length (xl) must not be negative, was " + length);
        }
        trackers = List.copyOf(trackers);
        webSeeds = List.copyOf(webSeeds);
    }

    public static MagnetLink of(InfoHash infoHash) {
        return new MagnetLink(infoHash, null, null, List.of(), List.of());
    }

    /** A link to a torrent: its info-hash, name and total length. */
    public static MagnetLink of(InfoDictionary info) {
        return new MagnetLink(info.infoHash(), info.name(), info.totalLength(), List.of(), List.of());
    }

    public static MagnetLink parse(String link) {
        String text = link.strip();
        if (!text.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new InvalidLinkException("not a magnet link: it must start with '" + PREFIX + "'");
        }
        Parsed parsed = new Parsed();
        for (String parameter : text.substring(PREFIX.length()).split("&")) {
            if (!parameter.isEmpty()) {
                parsed.add(parameter);
            }
        }
        if (parsed.infoHash == null) {
            throw new InvalidLinkException("magnet link has no 'xt=urn:btih:' info-hash");
        }
        return new MagnetLink(parsed.infoHash, parsed.name, parsed.length, parsed.trackers, parsed.webSeeds);
    }

    public Optional<String> name() {
        return Optional.ofNullable(displayName);
    }

    public OptionalLong exactLength() {
        return length == null ? OptionalLong.empty() : OptionalLong.of(length);
    }

    public MagnetLink withTrackers(List<String> urls) {
        return new MagnetLink(infoHash, displayName, length, urls, webSeeds);
    }

    public MagnetLink withWebSeeds(List<String> urls) {
        return new MagnetLink(infoHash, displayName, length, trackers, urls);
    }

    @Override
    public String toString() {
        List<String> parameters = new ArrayList<>();
        if (length != null) {
            parameters.add("xl=" + length);
        }
        if (displayName != null) {
            parameters.add("dn=" + PercentEncoding.encode(displayName));
        }
        parameters.add("xt=" + BTIH + infoHash.hex());
        trackers.forEach(url -> parameters.add("tr=" + PercentEncoding.encode(url)));
        webSeeds.forEach(url -> parameters.add("ws=" + PercentEncoding.encode(url)));
        return PREFIX + String.join("&", parameters);
    }

    static InfoHash infoHash(String value) {
        if (HEX40.matcher(value).matches()) {
            return InfoHash.fromHex(value);
        }
        if (BASE32_32.matcher(value).matches()) {
            return new InfoHash(Base32.decode(value.toUpperCase(Locale.ROOT)));
        }
        throw new InvalidLinkException("magnet info-hash must be 40 hex digits or 32 base32 characters, was '"
                + Excerpt.of(value) + "' (" + value.length() + " characters)");
    }

    /** Collects parameters; {@code tr.1}-style numbered keys (BEP 9) count as their base key. */
    private static final class Parsed {
        private InfoHash infoHash;
        private String name;
        private Long length;
        private final List<String> trackers = new ArrayList<>();
        private final List<String> webSeeds = new ArrayList<>();

        void add(String parameter) {
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                throw new InvalidLinkException("magnet link parameter '" + Excerpt.of(parameter) + "' is not key=value");
            }
            String key = parameter.substring(0, equals).replaceFirst("\\.[0-9]+$", "").toLowerCase(Locale.ROOT);
            String value = PercentEncoding.decode(parameter.substring(equals + 1), true, "magnet link '" + Excerpt.of(key) + "'");
            switch (key) {
                case "xt" -> exactTopic(value);
                case "dn" -> name = value;
                case "xl" -> length = LinkValues.length(value, "magnet link length (xl)");
                case "tr" -> trackers.add(value);
                case "ws" -> webSeeds.add(value);
                default -> {
                    // BEP 9 and clients add more (x.pe, so, kt, ...); we have no use for them
                }
            }
        }

        private void exactTopic(String value) {
            if (!value.regionMatches(true, 0, BTIH, 0, BTIH.length())) {
                return; // urn:ed2k:, urn:sha1:, urn:tree:tiger: ... describe the same content another way
            }
            InfoHash hash = infoHash(value.substring(BTIH.length()));
            if (infoHash != null && !infoHash.equals(hash)) {
                throw new InvalidLinkException("magnet link names two different info-hashes: " + infoHash + " and "
                        + hash);
            }
            infoHash = hash;
        }
    }
}

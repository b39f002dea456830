package net.p2pnet.model.link;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import net.p2pnet.model.hash.ContentHashes;
import net.p2pnet.model.text.Excerpt;

/**
 * An eDonkey file link, {@code ed2k://|file|NAME|SIZE|HASH|/}, with the optional AICH root
 * ({@code h=BASE32|}) that rhash and eMule add before the final {@code /}. The size is part of the
 * identity (DESIGN.md): a source that announces another size is not this file.
 *
 * <p>{@link #toString()} writes exactly what {@code rhash --ed2k-link} prints for the same file
 * (names percent-encoded with lowercase hex, unreserved characters kept), the {@code h=} part
 * included when the link has one; we do not compute AICH trees, so {@link #of} links have none.
 *
 * @param name file name, decoded; never empty, no path separators, not "." or ".."
 * @param size file size in bytes
 * @param hash the ed2k root hash, 32 lowercase hex digits
 * @param aich the AICH root hash, 32 lowercase base32 characters, or null when the link has none
 */
public record Ed2kLink(String name, long size, String hash, String aich) {

    private static final String PREFIX = "ed2k://|file|";
    private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern BASE32_32 = Pattern.compile("[a-z2-7]{32}");

    public Ed2kLink {
        LinkValues.checkFileName(name, "ed2k link name");
        if (size < 0) {
            throw new InvalidLinkException("ed2k link size must not be negative, was " + size);
        }
        hash = hash.toLowerCase(Locale.ROOT);
        if (!HEX32.matcher(hash).matches()) {
            throw new InvalidLinkException("ed2k link hash must be 32 hex digits, was '" + Excerpt.of(hash) + "'");
        }
        if (aich != null) {
            aich = aich.toLowerCase(Locale.ROOT);
            if (!BASE32_32.matcher(aich).matches()) {
                throw new InvalidLinkException("ed2k link AICH hash (h=) must be 32 base32 characters, was '"
                        + Excerpt.of(aich) + "'");
            }
        }
    }

    /** The link of a hashed file (no AICH part: we do not compute AICH trees). */
    public static Ed2kLink of(String name, ContentHashes hashes) {
        return new Ed2kLink(name, hashes.size(), hashes.ed2k().hex(), null);
    }

    /** Parses a link as rhash and eMule write them; the scheme and hex digits in any case. */
    public static Ed2kLink parse(String link) {
        String text = link.strip();
        if (!text.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new InvalidLinkException("not an ed2k file link: it must start with '" + PREFIX + "'");
        }
        if (text.length() < PREFIX.length() + 2 || !text.endsWith("|/")) { // "ed2k://|file|/" overlaps
            throw new InvalidLinkException("ed2k link must end with '|/'");
        }
        String[] parts = text.substring(PREFIX.length(), text.length() - 2).split("\\|", -1);
        if (parts.length < 3) {
            throw new InvalidLinkException("ed2k link needs NAME|SIZE|HASH after '" + PREFIX + "', found "
                    + parts.length + " part(s)");
        }
        String name = PercentEncoding.decode(parts[0], false, "ed2k link name");
        return new Ed2kLink(name, LinkValues.length(parts[1], "ed2k link size"), parts[2], aich(parts));
    }

    private static String aich(String[] parts) {
        String aich = null;
        for (int i = 3; i < parts.length; i++) {
            if (!parts[i].startsWith("h=")) {
                throw new InvalidLinkException("ed2k link part '" + Excerpt.of(parts[i]) + "' is not supported (only h=AICH)");
            }
            if (aich != null) {
                throw new InvalidLinkException("ed2k link has more than one h= part");
            }
            aich = parts[i].substring(2);
        }
        return aich;
    }

    public byte[] hashBytes() {
        return HexFormat.of().parseHex(hash);
    }

    public Optional<String> aichHash() {
        return Optional.ofNullable(aich);
    }

    @Override
    public String toString() {
        return PREFIX + PercentEncoding.encode(name) + "|" + size + "|" + hash + "|"
                + (aich == null ? "" : "h=" + aich + "|") + "/";
    }
}

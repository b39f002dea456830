package net.p2pnet.model.torrent;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.BList;
import net.p2pnet.model.bencode.BString;
import net.p2pnet.model.bencode.Bencode;
import net.p2pnet.model.bencode.BencodeValue;

/**
 * A private tracker's passkey (the {@code passkey} query parameter of an announce URL) identifies
 * the member it was issued to: whoever holds it announces, and registers or deletes torrents, as
 * that member. So it never leaves the member's machine in anything served or logged: torrents
 * handed to others lose it (announce is outside {@code info}, so the info-hash stays), and URLs in
 * messages are redacted.
 */
public final class AnnouncePasskeys {

    private static final String PARAMETER = "passkey";
    /** {@code …/a/<passkey>/announce} or {@code …/scrape}, the path form private trackers use. */
    private static final Pattern PATH_PASSKEY = Pattern.compile("/a/[^/?#]+/(announce|scrape)$");

    private AnnouncePasskeys() {
    }

    /**
     * The URL without a passkey: the {@code passkey} query parameter (any case) goes, other
     * parameters stay in order, and the path form private trackers use ({@code …/a/<passkey>/announce}
     * or {@code /scrape}) becomes {@code …/announce}.
     */
    public static String strip(String url) {
        if (url == null) {
            return null;
        }
        int query = url.indexOf('?');
        int fragment = url.indexOf('#', Math.max(query, 0));
        int pathEnd = query >= 0 ? query : fragment >= 0 ? fragment : url.length();
        String path = url.substring(0, pathEnd);
        Matcher inPath = PATH_PASSKEY.matcher(path);
        if (inPath.find()) {
            path = path.substring(0, inPath.start()) + "/" + inPath.group(1);
        }
        if (query < 0) {
            return path + url.substring(pathEnd);
        }
        String params = fragment < 0 ? url.substring(query + 1) : url.substring(query + 1, fragment);
        List<String> kept = new ArrayList<>();
        for (String param : params.split("&", -1)) {
            String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
            if (!name.equalsIgnoreCase(PARAMETER) && !param.isEmpty()) {
                kept.add(param);
            }
        }
        return path + (kept.isEmpty() ? "" : "?" + String.join("&", kept))
                + (fragment < 0 ? "" : url.substring(fragment));
    }

    /**
     * The torrent with every announce URL ({@code announce}, {@code announce-list}) stripped of its
     * passkey; the same bytes when none has one. The {@code info} dictionary is copied byte for byte,
     * so the info-hash is the same even for torrents whose info is not canonical bencode.
     */
    public static byte[] strip(byte[] torrent) {
        BDictionary top = Bencode.decodeDictionary(torrent);
        if (!mentionsPasskey(top)) {
            return torrent;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(torrent.length);
        out.write('d');
        for (Map.Entry<BString, BencodeValue> entry : top.entries().entrySet()) {
            String key = entry.getKey().asUtf8();
            out.writeBytes(Bencode.encode(entry.getKey()));
            BencodeValue value = entry.getValue();
            if (key.equals("info") && value instanceof BDictionary info) {
                out.writeBytes(info.rawBytes());
            } else if (key.equals("announce") && value instanceof BString url) {
                out.writeBytes(Bencode.encode(BString.of(strip(url.asUtf8()))));
            } else if (key.equals("announce-list") && value instanceof BList tiers) {
                out.writeBytes(Bencode.encode(stripTiers(tiers)));
            } else {
                out.writeBytes(Bencode.encode(value));
            }
        }
        out.write('e');
        return out.toByteArray();
    }

    private static boolean mentionsPasskey(BDictionary top) {
        List<String> urls = new ArrayList<>();
        top.get("announce").map(AnnouncePasskeys::text).ifPresent(urls::add);
        top.get("announce-list").filter(BList.class::isInstance).map(BList.class::cast).ifPresent(tiers ->
                tiers.values().stream().filter(BList.class::isInstance).map(BList.class::cast)
                        .forEach(tier -> tier.values().forEach(url -> urls.add(text(url)))));
        return urls.stream().anyMatch(url -> !url.equals(strip(url)));
    }

    private static BList stripTiers(BList tiers) {
        List<BencodeValue> out = new ArrayList<>();
        for (BencodeValue tier : tiers.values()) {
            if (tier instanceof BList urls) {
                out.add(BList.of(urls.values().stream()
                        .map(u -> u instanceof BString s ? (BencodeValue) BString.of(strip(s.asUtf8())) : u).toList()));
            } else {
                out.add(tier);
            }
        }
        return BList.of(out);
    }

    private static String text(BencodeValue value) {
        return value instanceof BString s ? s.asUtf8() : "";
    }
}

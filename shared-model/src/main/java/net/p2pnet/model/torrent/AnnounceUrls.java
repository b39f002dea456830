package net.p2pnet.model.torrent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.BList;
import net.p2pnet.model.bencode.BString;
import net.p2pnet.model.bencode.Bencode;
import net.p2pnet.model.bencode.BencodeValue;

/**
 * Removes private-tracker passkeys from tracker URLs. A passkey is the credential of the member it
 * was issued to: a torrent handed to someone else must not carry it, or the receiver announces
 * (and registers, and deletes) as that member.
 */
public final class AnnounceUrls {

    /** {@code …/a/<passkey>/announce} or {@code …/scrape}, the path form private trackers use. */
    private static final Pattern PATH_PASSKEY = Pattern.compile("/a/[^/?#]+/(announce|scrape)$");

    private AnnounceUrls() {
    }

    /** The URL without a passkey: {@code /a/<passkey>/announce} becomes {@code /announce}, {@code passkey=} goes. */
    public static String withoutPasskey(String url) {
        int fragment = url.indexOf('#');
        String base = fragment < 0 ? url : url.substring(0, fragment);
        int question = base.indexOf('?');
        String path = question < 0 ? base : base.substring(0, question);
        Matcher m = PATH_PASSKEY.matcher(path);
        if (m.find()) {
            path = path.substring(0, m.start()) + "/" + m.group(1);
        }
        if (question < 0) {
            return path;
        }
        List<String> kept = new ArrayList<>();
        for (String param : base.substring(question + 1).split("&")) {
            String name = param.indexOf('=') < 0 ? param : param.substring(0, param.indexOf('='));
            if (!param.isEmpty() && !name.equals("passkey")) {
                kept.add(param);
            }
        }
        return kept.isEmpty() ? path : path + "?" + String.join("&", kept);
    }

    /**
     * The torrent with every tracker URL ({@code announce}, {@code announce-list}) stripped of
     * passkeys; every other entry, {@code info} above all, stays byte for byte (the decoder only
     * accepts canonical bencode, so re-encoding reproduces it). The same bytes when there was none.
     */
    public static byte[] withoutPasskeys(byte[] torrent) {
        BDictionary top = Bencode.decodeDictionary(torrent);
        Map<BString, BencodeValue> entries = new TreeMap<>(top.entries());
        boolean changed = false;
        BString announceKey = BString.of("announce");
        if (entries.get(announceKey) instanceof BString announce) {
            BString clean = BString.of(withoutPasskey(announce.asUtf8()));
            changed = !clean.equals(announce);
            entries.put(announceKey, clean);
        }
        BString tiersKey = BString.of("announce-list");
        if (entries.get(tiersKey) instanceof BList tiers) {
            BList clean = BList.of(tiers.values().stream().map(AnnounceUrls::cleanTier).toList());
            changed |= !clean.equals(tiers);
            entries.put(tiersKey, clean);
        }
        return changed ? Bencode.encode(BDictionary.of(entries)) : torrent;
    }

    private static BencodeValue cleanTier(BencodeValue tier) {
        if (!(tier instanceof BList urls)) {
            return tier;
        }
        return BList.of(urls.values().stream()
                .map(url -> url instanceof BString s ? BString.of(withoutPasskey(s.asUtf8())) : url).toList());
    }
}

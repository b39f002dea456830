package net.p2pnet.tracker.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import net.p2pnet.model.bencode.BDictionary;
import net.p2pnet.model.bencode.BString;
import net.p2pnet.model.torrent.InvalidTorrentException;
import net.p2pnet.model.torrent.Metainfo;
import net.p2pnet.model.torrent.TorrentFile;
import net.p2pnet.tracker.swarm.Key20;

/**
 * Reads an uploaded or dropped {@code .torrent} into a {@link RegisteredTorrent}, with ed2k hashes.
 *
 * <p>Where ed2k hashes come from: an {@code ed2k} key in the info dictionary (single-file) or in each
 * entry of {@code info.files} (multi-file), as Shareaza and BitComet write it (16 raw MD4 bytes; 32
 * hex digits are accepted too); or, for torrents without it (mktorrent has no such option), the
 * {@code ed2k} value given at registration, which applies to a single-file torrent's only file.
 */
final class TorrentReader {

    private static final Pattern ED2K_HEX = Pattern.compile("[0-9a-fA-F]{32}");

    private TorrentReader() {
    }

    /** A torrent read for registration: what the registry keeps in memory, plus the original bytes. */
    record Read(RegisteredTorrent torrent, byte[] bytes) {
    }

    /** @throws InvalidTorrentException with a reason fit for the client when the torrent or ed2k is unusable */
    static Read read(byte[] bytes, String ed2kOverride, RegisteredTorrent.Origin origin, Instant now) {
        Metainfo metainfo = Metainfo.read(bytes);
        BDictionary info = metainfo.info().dictionary();
        List<TorrentFile> files = metainfo.info().files();
        List<BDictionary> fileDicts = metainfo.info().isSingleFile() ? List.of(info)
                : info.list("files").dictionaries();
        String override = ed2kOverride == null || ed2kOverride.isBlank() ? null : normalise(ed2kOverride);
        if (override != null && files.size() != 1) {
            throw new InvalidTorrentException("the ed2k field only applies to single-file torrents: this one has "
                    + files.size() + " files (put an 'ed2k' key in each info.files entry instead)");
        }
        List<RegisteredFile> registered = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            String ed2k = override != null ? override : embeddedEd2k(fileDicts.get(i)).orElse(null);
            registered.add(new RegisteredFile(files.get(i).pathString(), files.get(i).length(), ed2k));
        }
        Key20 infoHash = Key20.of(metainfo.infoHash().bytes());
        return new Read(new RegisteredTorrent(infoHash, metainfo.info().name(), metainfo.info().totalLength(),
                registered, now, origin), bytes);
    }

    private static Optional<String> embeddedEd2k(BDictionary fileDict) {
        Optional<BString> value = fileDict.optionalString("ed2k");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        byte[] raw = value.get().bytes();
        if (raw.length == 16) {
            return Optional.of(HexFormat.of().formatHex(raw));
        }
        String text = value.get().asUtf8();
        if (ED2K_HEX.matcher(text).matches()) {
            return Optional.of(text.toLowerCase(Locale.ROOT));
        }
        throw new InvalidTorrentException("ed2k key: expected 16 bytes or 32 hex digits, got " + raw.length + " bytes");
    }

    /** Lower-case hex of an ed2k hash given as text; refuses anything but 32 hex digits. */
    static String normalise(String ed2k) {
        String trimmed = ed2k.strip();
        if (!ED2K_HEX.matcher(trimmed).matches()) {
            throw new InvalidTorrentException("ed2k must be 32 hex digits (an MD4 hash, as 'rhash --ed2k' prints)");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }
}

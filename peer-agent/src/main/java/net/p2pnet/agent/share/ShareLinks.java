package net.p2pnet.agent.share;

import java.util.List;
import net.p2pnet.model.api.ShareView;
import net.p2pnet.model.link.Ed2kLink;
import net.p2pnet.model.link.InvalidLinkException;
import net.p2pnet.model.link.MagnetLink;
import net.p2pnet.model.torrent.InfoHash;
import org.springframework.stereotype.Component;

/** Turns a library entry into what the control API shows, with its ed2k and magnet links and upload counter. */
@Component
class ShareLinks {

    private final UploadCounts uploads;

    ShareLinks(UploadCounts uploads) {
        this.uploads = uploads;
    }

    ShareView view(ShareEntry e) {
        FileHashes h = e.hashes();
        String name = e.path().getFileName().toString();
        long uploaded = uploads.uploaded(e.path());
        if (h == null) {
            return new ShareView(e.path().toString(), name, e.size(), e.state(), e.progress(), null, null, null,
                    e.error(), uploaded);
        }
        return new ShareView(e.path().toString(), name, e.size(), e.state(), e.progress(), h.infoHash(),
                ed2kLink(name, h), magnet(name, h), e.error(), uploaded);
    }

    /** Null when the file name cannot be put in a link (e.g. control characters) - sharing still works. */
    static String ed2kLink(String name, FileHashes h) {
        try {
            return new Ed2kLink(name, h.size(), h.ed2kHash(), null).toString();
        } catch (InvalidLinkException e) {
            return null;
        }
    }

    static String magnet(String name, FileHashes h) {
        try {
            return new MagnetLink(InfoHash.fromHex(h.infoHash()), name, h.size(), List.of(), List.of()).toString();
        } catch (InvalidLinkException e) {
            return MagnetLink.of(InfoHash.fromHex(h.infoHash())).toString();
        }
    }
}

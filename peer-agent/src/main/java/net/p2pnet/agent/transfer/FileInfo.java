package net.p2pnet.agent.transfer;

/**
 * What an agent's transfer port says about one file ({@code GET /p2p/v1/files/{infoHash}}): identity,
 * which pieces it can serve, and the eMule hashset so a downloader can check every 9,728,000-byte
 * chunk with MD4 as well as every piece with SHA-1.
 *
 * @param infoHash       BitTorrent v1 info-hash, lowercase hex
 * @param name           file name
 * @param size           size in bytes as the source states it (a downloader never uses a source that disagrees)
 * @param pieceLength    bytes per piece
 * @param pieceCount     number of pieces
 * @param verifiedPieces pieces the source serves, as {@link java.util.BitSet#toByteArray()} (bit i of byte
 *                       i/8, least significant first), base64 in JSON
 * @param ed2kHash       ed2k root, 32 hex digits, or null when the source does not know it yet
 * @param ed2kHashset    the MD4 of every chunk concatenated (base64 in JSON), or null
 * @param complete       whether the source has every piece
 */
public record FileInfo(String infoHash, String name, long size, int pieceLength, int pieceCount,
                       byte[] verifiedPieces, String ed2kHash, byte[] ed2kHashset, boolean complete) {

    static FileInfo of(ServedContent content) {
        var ed2k = content.ed2k();
        return new FileInfo(content.infoHash(), content.name(), content.size(), content.layout().pieceLength(),
                content.layout().pieceCount(), content.verifiedPieces().toByteArray(),
                ed2k == null ? null : ed2k.hex(), ed2k == null ? null : ed2k.chunkHashes(), content.isComplete());
    }
}

package net.p2pnet.agent.bittorrent;

import java.net.InetAddress;

/**
 * Who may open an incoming BitTorrent connection for a torrent (an optional bean; without one
 * everyone may). For private torrents (BEP 27) the download engine admits only peers the tracker
 * handed out.
 */
public interface BtAdmission {

    boolean admits(String infoHashHex, InetAddress remote, boolean privateTorrent);
}

package net.p2pnet.agent.bittorrent;

import java.io.IOException;

/** The remote broke the protocol (malformed or hostile input): its connection is closed, nothing else. */
final class ProtocolViolation extends IOException {

    ProtocolViolation(String message) {
        super(message);
    }
}

package net.p2pnet.agent.room;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rooms ({@code p2pnet.agent.rooms.*}).
 *
 * @param chatroomUrl the chatroom service new rooms are created on; without it, the service that
 *                    hosts the rooms of the network's directory (a network normally runs one)
 */
@ConfigurationProperties("p2pnet.agent.rooms")
public record RoomProperties(URI chatroomUrl) {

    public RoomProperties {
        if (chatroomUrl != null && !"http".equals(chatroomUrl.getScheme()) && !"https".equals(chatroomUrl.getScheme())) {
            throw new IllegalArgumentException("p2pnet.agent.rooms.chatroom-url must be an http(s) URL, was " + chatroomUrl);
        }
    }
}

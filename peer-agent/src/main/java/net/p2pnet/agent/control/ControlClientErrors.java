package net.p2pnet.agent.control;

import net.p2pnet.agent.download.InvalidDownloadException;
import net.p2pnet.agent.download.UnknownDownloadException;
import net.p2pnet.agent.upstream.UpstreamException;
import net.p2pnet.agent.room.RoomConflictException;
import net.p2pnet.agent.room.RoomException;
import net.p2pnet.agent.share.ConfiguredRootException;
import net.p2pnet.agent.share.ShareException;
import net.p2pnet.model.link.InvalidLinkException;
import net.p2pnet.model.torrent.InvalidTorrentException;
import net.p2pnet.support.problem.ClientErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which of the agent's exceptions are the caller's error, and how each answers; service-support's
 * one exception handler renders them (and everything unlisted as a 500).
 */
@Configuration(proxyBeanMethods = false)
class ControlClientErrors {

    @Bean
    ClientErrors agentClientErrors() {
        return ClientErrors.builder()
                .map(ShareException.class, e -> e.notFound() ? 404 : 400, "Share refused")
                .map(ConfiguredRootException.class, 409, "Configured share root")
                .map(UnknownDownloadException.class, 404, "Unknown download")
                // torrents and links are also checked by shared-model's parsers, whose exceptions say what is wrong
                .map(InvalidDownloadException.class, 400, "Download refused")
                .map(InvalidTorrentException.class, 400, "Download refused")
                .map(InvalidLinkException.class, 400, "Download refused")
                .map(RoomConflictException.class, 409, "Room request refused")
                .map(RoomException.class, e -> e.notFound() ? 404 : 400, "Room request refused")
                .map(UpstreamException.class, 502, "A network service did not answer as expected")
                .map(BadControlRequestException.class, 400, "Bad request")
                .build();
    }
}

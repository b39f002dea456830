package net.p2pnet.agent.upstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import net.p2pnet.agent.config.AgentProperties;
import net.p2pnet.model.net.ServerAddress;
import net.p2pnet.model.net.ServersFile;
import org.springframework.stereotype.Component;

/**
 * The rendezvous servers from {@code p2pnet.agent.servers-file} (HeavyMole's HMDDATA list). A
 * malformed file stops the agent at start with every bad line named, rather than leaving it
 * silently alone on the network.
 */
@Component
class RendezvousServers {

    private final List<ServerAddress> servers;

    RendezvousServers(AgentProperties agent) {
        Path file = agent.serversFile();
        if (file == null) {
            servers = List.of();
            return;
        }
        try {
            servers = ServersFile.read(file).orThrow("p2pnet.agent.servers-file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read p2pnet.agent.servers-file " + file, e);
        }
    }

    List<ServerAddress> all() {
        return servers;
    }
}

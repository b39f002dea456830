package net.p2pnet.rendezvous.federation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.p2pnet.model.net.ServerAddress;
import net.p2pnet.model.net.ServersFile;
import net.p2pnet.rendezvous.config.RendezvousProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where the server list lives between runs: the {@code known_server} table (with states) and the
 * HeavyMole SERVERS file (addresses only, for operators and for the next start), rewritten
 * atomically whenever the set of servers changes.
 */
@Component
class ServerListStore {

    private static final Logger log = LoggerFactory.getLogger(ServerListStore.class);

    private final KnownServerRepository repository;
    private final Path serversFile;
    private List<ServerAddress> lastWritten;

    ServerListStore(KnownServerRepository repository, RendezvousProperties properties) {
        this.repository = repository;
        this.serversFile = properties.serversFile();
        readServersFile(); // fail at start, with every bad line listed, not later in a background round
    }

    /** Servers from the SERVERS file; a malformed file stops the start with every bad line listed. */
    List<ServerAddress> readServersFile() {
        try {
            List<ServerAddress> servers = ServersFile.read(serversFile).orThrow(serversFile.toString());
            lastWritten = servers;
            return servers;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SERVERS file " + serversFile, e);
        }
    }

    List<KnownServerEntity> readTable() {
        return repository.findAll();
    }

    /** Saves states and, when the address set changed, rewrites the SERVERS file. */
    synchronized void save(ServerAddress self, List<KnownServer> servers) {
        List<KnownServerEntity> rows = new ArrayList<>();
        List<ServerAddress> listed = new ArrayList<>();
        listed.add(self);
        for (KnownServer server : servers) {
            var status = server.status();
            rows.add(new KnownServerEntity(status.address(), status.state(), status.unreachableSince(),
                    status.lastSync()));
            if (server.state() != ServerState.REFUSED) {
                listed.add(server.address());
            }
        }
        repository.saveAll(rows);
        List<String> keep = rows.stream().map(KnownServerEntity::address).toList();
        repository.findAll().stream().filter(r -> !keep.contains(r.address())).forEach(repository::delete);
        listed.sort(null);
        if (!listed.equals(lastWritten)) {
            writeServersFile(listed);
        }
    }

    private void writeServersFile(List<ServerAddress> listed) {
        try {
            ServersFile.write(serversFile, listed, List.of("p2pnet rendezvous servers of this network (HeavyMole "
                    + "SERVERS format), rewritten by " + listed.getFirst() + " at " + Instant.now(),
                    "one host:port per line; add a server here to federate with it"));
            lastWritten = listed;
            log.info("SERVERS file {} now lists {} servers", serversFile, listed.size());
        } catch (IOException e) {
            log.warn("could not rewrite SERVERS file {}: {}", serversFile, e.toString());
        }
    }
}

package net.p2pnet.agent;

import net.p2pnet.agent.cli.P2pnetCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The p2pnet peer agent. One jar serves two roles: with a CLI command as first argument
 * ({@code hash}, {@code torrent}, {@code agent}, ...) it runs that command without starting Spring;
 * otherwise it starts the agent daemon.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PeerAgentApplication {

    public static void main(String[] args) {
        // p2pnet.data-dir may be given as a plain relative path ("data"); H2 refuses those unless told.
        System.setProperty("h2.implicitRelativePath", "true");
        if (P2pnetCli.handles(args)) {
            System.exit(P2pnetCli.run(args));
        }
        SpringApplication.run(PeerAgentApplication.class, args);
    }
}

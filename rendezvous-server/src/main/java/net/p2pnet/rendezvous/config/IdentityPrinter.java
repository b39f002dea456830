package net.p2pnet.rendezvous.config;

import java.io.PrintStream;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.support.network.NetworkProperties;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * {@code --print-identity}: prints what another operator needs to add this server to their SERVERS
 * file (address and key fingerprint, never the secret) and the join key to hand to users, then
 * exits. Binds the same configuration as the server, but starts no web server and no database.
 */
// Deliberately not a @Configuration: component scanning of the server must not pick it up.
@EnableConfigurationProperties({NetworkProperties.class, JoinKeyProperties.class, RendezvousProperties.class})
public class IdentityPrinter {

    public static final String OPTION = "--print-identity";

    /** Runs the printer with the server's arguments; returns the process exit code. */
    public static int run(String[] args, PrintStream out) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IdentityPrinter.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).bannerMode(Banner.Mode.OFF)
                .run(args)) {
            NetworkProperties network = context.getBean(NetworkProperties.class);
            JoinKeyProperties joining = context.getBean(JoinKeyProperties.class);
            RendezvousProperties properties = context.getBean(RendezvousProperties.class);
            NetworkKey key = NetworkKey.derive(network.name(), network.secret());
            String address = properties.publicAddress() == null || properties.publicAddress().isBlank()
                    ? "127.0.0.1:" + context.getBean(Environment.class).getProperty("server.port", "8700")
                    : properties.publicAddress();
            out.println("address:     " + address);
            out.println("network:     " + key.networkName());
            out.println("fingerprint: " + key.fingerprint());
            out.println("ticket key:  " + key.ticketPublicKey().encode() + " (agents may pin it: p2pnet.agent.ticket-key)");
            out.println("join key:    " + (joining.joinKey().isEmpty() ? key.derivedJoinKey() + " (derived)"
                    : "(configured in p2pnet.network.join-key)"));
            out.println("Other operators add '" + address + "' to their SERVERS file and compare the fingerprint.");
            return 0;
        }
    }
}

package net.p2pnet.rendezvous;

import java.util.Arrays;
import net.p2pnet.rendezvous.config.IdentityPrinter;
import net.p2pnet.support.network.NetworkProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;

/** HeavyMole-style rendezvous server: whoami, peer registry, neighbours, rooms, password federation. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties(NetworkProperties.class)
@EnableScheduling
public class RendezvousApplication {

    public static void main(String[] args) {
        // p2pnet.data-dir may be given as a plain relative path ("data"); H2 refuses those unless told.
        System.setProperty("h2.implicitRelativePath", "true");
        if (Arrays.asList(args).contains(IdentityPrinter.OPTION)) {
            System.exit(IdentityPrinter.run(args, System.out));
        }
        SpringApplication.run(RendezvousApplication.class, args);
    }
}

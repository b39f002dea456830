package net.p2pnet.tracker;

import net.p2pnet.support.network.NetworkProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** BitTorrent tracker with torrent registry, file search and ed2k localisation. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties(NetworkProperties.class)
public class TrackerApplication {

    public static void main(String[] args) {
        // p2pnet.data-dir may be given as a plain relative path ("data"); H2 refuses those unless told.
        System.setProperty("h2.implicitRelativePath", "true");
        SpringApplication.run(TrackerApplication.class, args);
    }
}

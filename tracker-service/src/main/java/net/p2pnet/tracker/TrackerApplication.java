package net.p2pnet.tracker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** BitTorrent tracker with torrent registry, file search and ed2k localisation. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TrackerApplication {

    public static void main(String[] args) {
        // p2pnet.data-dir may be given as a plain relative path ("data"); H2 refuses those unless told.
        System.setProperty("h2.implicitRelativePath", "true");
        SpringApplication.run(TrackerApplication.class, args);
    }
}

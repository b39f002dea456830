package net.p2pnet.rendezvous;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** HeavyMole-style rendezvous server: whoami, peer registry, neighbours, rooms, password federation. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RendezvousApplication {

    public static void main(String[] args) {
        // p2pnet.data-dir may be given as a plain relative path ("data"); H2 refuses those unless told.
        System.setProperty("h2.implicitRelativePath", "true");
        SpringApplication.run(RendezvousApplication.class, args);
    }
}

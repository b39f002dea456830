package net.p2pnet.chat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Chat rooms for the network's users, advertised through rendezvous servers. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChatroomApplication {

    public static void main(String[] args) {
        // p2pnet.data-dir may be given as a plain relative path ("data"); H2 refuses those unless told.
        System.setProperty("h2.implicitRelativePath", "true");
        SpringApplication.run(ChatroomApplication.class, args);
    }
}

package net.p2pnet.chat;

import net.p2pnet.support.network.NetworkProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Chat rooms for the network's users, advertised through rendezvous servers. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties(NetworkProperties.class)
public class ChatroomApplication {

    public static void main(String[] args) {
        // p2pnet.data-dir may be given as a plain relative path ("data"); H2 refuses those unless told.
        System.setProperty("h2.implicitRelativePath", "true");
        SpringApplication.run(ChatroomApplication.class, args);
    }
}

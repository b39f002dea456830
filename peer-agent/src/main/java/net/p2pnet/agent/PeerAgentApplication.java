package net.p2pnet.agent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The p2pnet peer agent daemon. Its command line ({@code hash}, {@code torrent}, {@code agent}) is
 * the {@code cli} module's jar; a command word given here is refused rather than silently ignored by
 * a daemon that would then start.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PeerAgentApplication {

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            System.err.println("peer-agent: unexpected argument '" + args[0] + "' (the agent takes only --options;"
                    + " the command line is ./p2pnet " + args[0] + " or java -jar cli/target/cli.jar " + args[0] + ")");
            System.exit(2);
        }
        // p2pnet.data-dir may be given as a plain relative path ("data"); H2 refuses those unless told.
        System.setProperty("h2.implicitRelativePath", "true");
        SpringApplication.run(PeerAgentApplication.class, args);
    }
}

package net.p2pnet.agent.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.p2pnet.agent.PeerAgentApplication;
import net.p2pnet.agent.bandwidth.BandwidthLimits;
import net.p2pnet.agent.download.DownloadService;
import net.p2pnet.agent.transfer.ContentCatalog;
import net.p2pnet.agent.transfer.TransferServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A real peer agent (a whole Spring Boot context) on random control and transfer ports. */
public final class TestAgent implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path dir;

    private TestAgent(ConfigurableApplicationContext context, Path dir) {
        this.context = context;
        this.dir = dir;
    }

    /** Starts an agent keeping its data under {@code dir}; {@code properties} are extra {@code key=value}s. */
    public static TestAgent start(Path dir, String... properties) {
        return start(dir, new Class<?>[0], properties);
    }

    /** Also registers the given {@code @Configuration} classes (e.g. a peer ticket verifier). */
    public static TestAgent start(Path dir, Class<?>[] configurations, String... properties) {
        System.setProperty("h2.implicitRelativePath", "true");
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--p2pnet.agent.transfer-port=0",
                "--p2pnet.agent.upload.bind-address=127.0.0.1",
                "--p2pnet.agent.bittorrent.bind-address=127.0.0.1",
                "--p2pnet.data-dir=" + dir.resolve("data"), "--p2pnet.agent.download-dir=" + dir.resolve("downloads"),
                "--spring.main.banner-mode=off", "--logging.level.net.p2pnet=INFO"));
        for (String property : properties) {
            args.add("--" + property);
        }
        List<Class<?>> sources = new ArrayList<>(List.of(PeerAgentApplication.class));
        sources.addAll(List.of(configurations));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .run(args.toArray(String[]::new));
        return new TestAgent(context, dir);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public DownloadService downloads() {
        return bean(DownloadService.class);
    }

    public ContentCatalog catalog() {
        return bean(ContentCatalog.class);
    }

    public BandwidthLimits limits() {
        return bean(BandwidthLimits.class);
    }

    public int transferPort() {
        return bean(TransferServer.class).port();
    }

    /** This agent's transfer address as a download source ({@code host:port}). */
    public String address() {
        return "127.0.0.1:" + transferPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + transferPort();
    }

    public Path downloadDir() {
        return dir.resolve("downloads");
    }

    /** Closes the agents that were started (null entries are skipped), last first. */
    public static void closeAll(TestAgent... agents) {
        for (int i = agents.length - 1; i >= 0; i--) {
            if (agents[i] != null) {
                agents[i].close();
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }
}

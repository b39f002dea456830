package net.p2pnet.agent.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import net.p2pnet.agent.transfer.SharedContent;

/**
 * An agent with one upload slot and no queue, sharing one random file: a second concurrent request,
 * or a slot that was not given back, shows as 503 at once.
 */
public record OneSlotSeed(TestAgent agent, Path file, SharedContent shared, byte[] bytes) implements AutoCloseable {

    public static OneSlotSeed start(Path dir, String fileName, long size, int pieceLength, long seed) throws Exception {
        TestAgent agent = TestAgent.start(dir.resolve("agent"), "p2pnet.agent.upload.slots=1",
                "p2pnet.agent.upload.queue=0");
        Path file = SeedFiles.randomFile(dir.resolve("files").resolve(fileName), size, seed);
        SharedContent shared = SeedFiles.share(file, SeedFiles.torrent(file, pieceLength));
        agent.catalog().publish(shared);
        return new OneSlotSeed(agent, file, shared, Files.readAllBytes(file));
    }

    @Override
    public void close() {
        agent.close();
    }
}

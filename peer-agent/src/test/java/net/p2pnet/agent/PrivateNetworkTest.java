package net.p2pnet.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.p2pnet.agent.download.DownloadService;
import net.p2pnet.agent.identity.PeerIdentity;
import net.p2pnet.agent.upstream.PeerAuth;
import net.p2pnet.agent.upstream.PeerCredentials;
import net.p2pnet.agent.upstream.RendezvousSession;
import net.p2pnet.agent.upstream.SeedAnnouncer;
import net.p2pnet.agent.upstream.TicketKeyPin;
import net.p2pnet.model.net.SseReader;
import net.p2pnet.agent.share.ShareService;
import net.p2pnet.agent.support.RunningAgent;
import net.p2pnet.agent.support.ServiceProcess;
import net.p2pnet.agent.transfer.MemberClient;
import net.p2pnet.agent.transfer.TransferServer;
import net.p2pnet.model.api.AddDownloadRequest;
import net.p2pnet.model.api.DownloadState;
import net.p2pnet.model.api.DownloadView;
import net.p2pnet.model.api.ShareState;
import net.p2pnet.model.api.ShareView;
import net.p2pnet.model.crypto.NetworkKey;
import net.p2pnet.model.crypto.PeerAudience;
import net.p2pnet.model.crypto.PeerKey;
import net.p2pnet.model.crypto.PeerTicket;
import net.p2pnet.model.crypto.TicketPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole private network from the built jars: a rendezvous server, a private tracker and a
 * chatroom service, each in its own JVM, and two agents. Alice shares a file; Bob finds it by
 * search, downloads it from nothing but its ed2k link (metainfo from the tracker registry, Alice
 * found by announce, both with passkeys from the rendezvous registration), and the two meet in a
 * room where Bob's event stream receives what Alice posts.
 */
class PrivateNetworkTest {

    private static final String[] NETWORK = {"p2pnet.network.name=private-test",
            "p2pnet.network.secret=private-test-secret-0123456789", "p2pnet.network.join-key=join-private-net"};

    @TempDir
    Path work;

    @Test
    void shareSearchEd2kDownloadAndRoomChatAcrossTheNetwork() throws Exception {
        Path rendezvousJar = ServiceProcess.jar("rendezvous-server");
        Path trackerJar = ServiceProcess.jar("tracker-service");
        Path chatJar = ServiceProcess.jar("chatroom-service");
        Path shared = Files.createDirectories(work.resolve("alice-files"));
        byte[] content = new byte[12_000_000]; // two ed2k chunks
        new Random(99).nextBytes(content);
        Files.write(shared.resolve("holiday-video.mkv"), content);

        try (ServiceProcess rendezvous = ServiceProcess.start(rendezvousJar, work.resolve("r"), work.resolve("r.log"),
                with("p2pnet.rendezvous.public-address=127.0.0.1:{port}"));
                ServiceProcess tracker = ServiceProcess.start(trackerJar, work.resolve("t"), work.resolve("t.log"),
                        with("p2pnet.tracker.mode=private", "p2pnet.tracker.interval=5s",
                                "p2pnet.tracker.min-interval=1s"));
                ServiceProcess chat = ServiceProcess.start(chatJar, work.resolve("c"), work.resolve("c.log"),
                        with("p2pnet.chatroom.public-url=http://127.0.0.1:{port}",
                                "p2pnet.chatroom.rendezvous-urls=" + rendezvous.url(),
                                "p2pnet.chatroom.announce-interval=1s"))) {
            Path servers = Files.writeString(work.resolve("SERVERS"), "127.0.0.1:" + rendezvous.port() + "\n");
            String[] common = {"p2pnet.agent.servers-file=" + servers, "p2pnet.agent.join-key=join-private-net",
                    "p2pnet.agent.tracker-url=" + tracker.url() + "/announce", "p2pnet.agent.share.piece-length=256KB"};
            try (RunningAgent alice = RunningAgent.start(work.resolve("alice"),
                    concat(common, "p2pnet.agent.name=alice", "p2pnet.agent.shared-dirs=" + shared));
                    RunningAgent bob = RunningAgent.start(work.resolve("bob"), concat(common, "p2pnet.agent.name=bob"))) {
                ShareView share = awaitSharedAndRegistered(alice);
                awaitRegistered(bob);

                HttpResponse<String> search = bob.get("/api/v1/search?q=holiday");
                assertThat(search.statusCode()).isEqualTo(200);
                assertThat(search.body()).contains(share.infoHash()).contains("holiday-video.mkv");

                DownloadService downloads = bob.bean(DownloadService.class);
                DownloadView added = downloads.add(new AddDownloadRequest(share.ed2kLink(), List.of(), List.of()));
                await().atMost(Duration.ofSeconds(120)).until(() -> downloads.get(added.id()).state() == DownloadState.COMPLETED);
                assertThat(Files.readAllBytes(Path.of(downloads.get(added.id()).path()))).isEqualTo(content);
                transferPortsServeOnlyTicketHolders(alice, bob, share.infoHash());

                chatInARoom(chat, alice, bob);
            }
        }
    }

    /**
     * Bob's download above went through Alice's member check; here both directions explicitly: each
     * agent pinned the key the rendezvous server announced and serves the other one when it proves
     * its key, but not its ticket alone, nor the ticket with another key, nor a stranger.
     */
    private static void transferPortsServeOnlyTicketHolders(RunningAgent alice, RunningAgent bob, String infoHash)
            throws Exception {
        TicketPublicKey networkKey = NetworkKey.derive("private-test", "private-test-secret-0123456789").ticketPublicKey();
        for (RunningAgent agent : List.of(alice, bob)) {
            assertThat(agent.bean(TicketKeyPin.class).current())
                    .hasValue(new TicketKeyPin.Pinned(networkKey, "private-test"));
            assertThat(agent.get("/api/v1/network").body())
                    .contains("\"ticketKey\":\"" + networkKey.encode() + "\"");
        }
        for (RunningAgent[] pair : new RunningAgent[][] {{alice, bob}, {bob, alice}}) {
            URI info = URI.create("http://127.0.0.1:" + pair[0].bean(TransferServer.class).port() + "/p2p/v1/files/"
                    + infoHash);
            String callersTicket = pair[1].bean(PeerCredentials.class).ticket().orElseThrow();
            assertThat(MemberClient.send(HttpRequest.newBuilder(info)).statusCode()).isEqualTo(401);
            // the caller's ticket without its key, as a source it downloaded from might hold it
            assertThat(MemberClient.send(HttpRequest.newBuilder(info).header("Authorization", "Bearer " + callersTicket))
                    .statusCode()).isEqualTo(401);
            assertThat(new MemberClient(callersTicket, PeerKey.generate()).get(info).statusCode()).isEqualTo(401);
            NetworkKey guessed = NetworkKey.derive("private-test", "a-stranger-guessing-the-secret-000");
            PeerKey eve = PeerKey.generate();
            String stranger = PeerTicket.issue(guessed, eve.publicKey(), EnumSet.allOf(PeerAudience.class), "eve",
                    Instant.now(), Duration.ofHours(1)).encode(guessed);
            assertThat(new MemberClient(stranger, eve).get(info).statusCode()).isEqualTo(401);
            HttpResponse<byte[]> served = new MemberClient(callersTicket, pair[1].bean(PeerIdentity.class).key()).get(info);
            assertThat(served.statusCode()).as(new String(served.body())).isEqualTo(200);
        }
    }

    private void chatInARoom(ServiceProcess chat, RunningAgent alice, RunningAgent bob) throws Exception {
        PeerAuth auth = alice.bean(PeerCredentials.class).auth(PeerAudience.CHATROOM).orElseThrow();
        URI rooms = URI.create(chat.url() + "/api/v1/rooms");
        byte[] body = "{\"name\":\"lobby\",\"topic\":\"hello\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> created = HttpClient.newHttpClient().send(auth.sign(HttpRequest.newBuilder(rooms),
                        "POST", rooms, body).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> bob.get("/api/v1/rooms").body().contains("\"lobby\""));

        BlockingQueue<SseReader.Event> bobEvents = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(bob.url() + "/api/v1/events")).build(), HttpResponse.BodyHandlers.ofLines());
        SseReader reader = new SseReader(event -> {
            if (event.name().equals("room")) {
                bobEvents.add(event);
            }
        });
        Thread.ofVirtual().start(() -> stream.body().forEach(reader::line));

        assertRoomRequestsAreChecked(bob);
        assertThat(alice.postJson("/api/v1/rooms/lobby/join", "").statusCode()).isEqualTo(200);
        assertThat(bob.postJson("/api/v1/rooms/lobby/join", "").statusCode()).isEqualTo(200);
        HttpResponse<String> posted = alice.postJson("/api/v1/rooms/lobby/messages", "{\"text\":\"hello from alice\"}");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() -> bobEvents.stream()
                .anyMatch(e -> e.data().contains("hello from alice") && e.data().contains("\"nickname\":\"alice\"")));
        assertThat(bob.get("/api/v1/rooms/lobby/messages?limit=10").body()).contains("hello from alice");
        stream.body().close();
    }

    private static void assertRoomRequestsAreChecked(RunningAgent agent) throws Exception {
        HttpResponse<String> unknown = agent.postJson("/api/v1/rooms/no-such-room/join", "");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no room 'no-such-room'");
        HttpResponse<String> notJoined = agent.postJson("/api/v1/rooms/lobby/messages", "{\"text\":\"early\"}");
        assertThat(notJoined.statusCode()).isEqualTo(400);
        assertThat(notJoined.body()).contains("join room 'lobby' first");
        HttpResponse<String> badName = agent.postJson("/api/v1/rooms/bad%20name/join", "");
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private static ShareView awaitSharedAndRegistered(RunningAgent agent) {
        awaitRegistered(agent);
        ShareService shares = agent.bean(ShareService.class);
        await().atMost(Duration.ofSeconds(90)).until(() -> shares.list().size() == 1
                && shares.list().getFirst().state() == ShareState.SHARED
                && agent.bean(SeedAnnouncer.class).isRegistered(shares.list().getFirst().infoHash()));
        return shares.list().getFirst();
    }

    private static void awaitRegistered(RunningAgent agent) {
        await().atMost(Duration.ofSeconds(60)).until(() -> agent.bean(RendezvousSession.class).status().registered());
    }

    private static String[] with(String... more) {
        return concat(NETWORK, more);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}

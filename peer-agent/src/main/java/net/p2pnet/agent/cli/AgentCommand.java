package net.p2pnet.agent.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./p2pnet agent ...}: remote control of a running agent through its REST API (MLdonkey's
 * telnet commands, in a shell). Exit codes: 0 done, 1 the agent refused or could not be reached,
 * 2 bad usage.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Control a running p2pnet agent.",
        subcommands = {AgentCommand.Status.class, AgentCommand.Add.class, AgentCommand.Pause.class,
                AgentCommand.Resume.class, AgentCommand.Cancel.class, AgentCommand.Shares.class,
                AgentCommand.Share.class, AgentCommand.Search.class, AgentCommand.Rooms.class,
                AgentCommand.CreateRoom.class, AgentCommand.Join.class, AgentCommand.Say.class,
                AgentCommand.Listen.class})
public final class AgentCommand implements Runnable {

    private static final int BAR_WIDTH = 30;

    @Option(names = "--url", defaultValue = "${env:P2PNET_AGENT_URL:-http://127.0.0.1:9700}",
            description = "the agent's control URL (default: ${DEFAULT-VALUE}, or $P2PNET_AGENT_URL)")
    String url;

    @Option(names = "--token", defaultValue = "${env:P2PNET_AGENT_TOKEN}",
            description = "API token for remote control (or $P2PNET_AGENT_TOKEN)")
    String token;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    AgentClient client() {
        return new AgentClient(url, token);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Runs a call, printing a refusal as one line on stderr. */
    int call(Callable<Integer> action) {
        try {
            return action.call();
        } catch (AgentCallException e) {
            spec.commandLine().getErr().println("p2pnet agent: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            spec.commandLine().getErr().println("p2pnet agent: " + e.getMessage());
            return 1;
        }
    }

    /** One request to the agent whose answer is printed: the shape of most subcommands. */
    @FunctionalInterface
    interface Request {
        JsonNode send(AgentClient client) throws Exception;
    }

    /** Sends {@code request} and prints its answer with {@code print}; a refusal is one line on stderr. */
    int once(Request request, Consumer<JsonNode> print) {
        return call(() -> {
            print.accept(request.send(client()));
            return 0;
        });
    }

    /** GETs a JSON array and prints each entry, or {@code empty} when there is none. */
    int list(String path, String empty, Consumer<JsonNode> print) {
        return call(() -> {
            JsonNode items = client().get(path);
            if (items.isEmpty()) {
                out().println(empty);
            }
            items.forEach(print);
            return 0;
        });
    }

    void printDownload(JsonNode d, boolean bars) {
        long size = d.path("size").asLong();
        long verified = d.path("verifiedBytes").asLong();
        String progress = bars ? ProgressBar.render(verified, size, BAR_WIDTH)
                : String.format("%5.1f%%", size <= 0 ? 0 : 100.0 * verified / size);
        out().printf("%s  %-11s %s %s/%s %s/s  %s%n", d.path("id").asString(), d.path("state").asString(), progress,
                Sizes.compact(verified), Sizes.compact(size), Sizes.compact(d.path("downloadRate").asLong()),
                d.path("name").asString());
        if (!d.path("error").isNull() && !d.path("error").isMissingNode()) {
            out().printf("    error: %s%n", d.path("error").asString());
        }
        String sources = sourcesByNetwork(d.path("sources"));
        if (!sources.isEmpty()) {
            out().printf("    sources: %s%n", sources);
        }
    }

    /** "2 p2pnet, 1 bittorrent (1 banned)": the sources in use, by network. */
    private static String sourcesByNetwork(JsonNode sources) {
        java.util.Map<String, Integer> byNetwork = new java.util.TreeMap<>();
        int banned = 0;
        for (JsonNode source : sources) {
            if (source.path("banned").asBoolean()) {
                banned++;
            } else {
                byNetwork.merge(source.path("network").asString(), 1, Integer::sum);
            }
        }
        StringBuilder text = new StringBuilder();
        byNetwork.forEach((network, count) -> text.append(text.isEmpty() ? "" : ", ").append(count).append(' ')
                .append(network));
        if (banned > 0) {
            text.append(text.isEmpty() ? "" : " ").append('(').append(banned).append(" banned)");
        }
        return text.toString();
    }

    @Command(name = "status", description = "Downloads with progress (and the network session).")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        AgentCommand agent;

        @Option(names = "--watch", description = "redraw every second until every download is finished")
        boolean watch;

        @Override
        public Integer call() {
            return agent.call(() -> {
                AgentClient client = agent.client();
                boolean terminal = System.console() != null;
                JsonNode network = client.get("/api/v1/network");
                agent.out().printf("network: %s%n", network.path("registered").asBoolean()
                        ? "peer " + network.path("peerId").asString() + " via " + network.path("server").asString()
                        : "not registered" + (network.path("lastError").isString()
                                ? " (" + network.path("lastError").asString() + ")" : ""));
                do {
                    JsonNode downloads = client.get("/api/v1/downloads");
                    if (downloads.isEmpty()) {
                        agent.out().println("no downloads");
                    }
                    downloads.forEach(d -> agent.printDownload(d, terminal));
                    agent.out().flush();
                    if (!watch || allFinished(downloads)) {
                        return 0;
                    }
                    Thread.sleep(1000);
                    if (terminal) {
                        agent.out().print("\033[" + downloads.size() + "F\033[J"); // back up and redraw in place
                    }
                } while (true);
            });
        }

        private static boolean allFinished(JsonNode downloads) {
            for (JsonNode d : downloads) {
                String state = d.path("state").asString();
                if (!state.equals("COMPLETED") && !state.equals("FAILED")) {
                    return false;
                }
            }
            return true;
        }
    }

    @Command(name = "add", description = "Download a magnet, ed2k or http .torrent link, or a local .torrent file.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        AgentCommand agent;

        @Parameters(paramLabel = "LINK|FILE")
        String what;

        @Option(names = "--mirror", description = "HTTP mirror / web seed URL (repeatable)")
        List<String> mirrors = List.of();

        @Option(names = "--source", description = "host:port of an agent's transfer port (repeatable)")
        List<String> sources = List.of();

        @Override
        public Integer call() {
            Path file = Path.of(what.startsWith("file:") ? what.substring(5) : what);
            boolean isLink = what.matches("(?i)(magnet:|ed2k:|https?:).*");
            return agent.once(c -> !isLink && Files.isRegularFile(file) ? c.uploadTorrent(file, mirrors, sources)
                    : c.post("/api/v1/downloads", Map.of("link", what, "mirrors", mirrors, "sources", sources)),
                    added -> agent.printDownload(added, false));
        }
    }

    /** {@code pause} and {@code resume}: {@code POST /api/v1/downloads/{id}/{verb}}, then the download. */
    abstract static class StateChange implements Callable<Integer> {
        @ParentCommand
        AgentCommand agent;
        @Parameters(paramLabel = "ID")
        String id;

        abstract String verb();

        @Override
        public Integer call() {
            return agent.once(c -> c.post("/api/v1/downloads/" + AgentClient.encode(id) + "/" + verb(), Map.of()),
                    d -> agent.printDownload(d, false));
        }
    }

    @Command(name = "pause", description = "Pause a download.")
    static final class Pause extends StateChange {
        @Override
        String verb() {
            return "pause";
        }
    }

    @Command(name = "resume", description = "Resume a paused download.")
    static final class Resume extends StateChange {
        @Override
        String verb() {
            return "resume";
        }
    }

    @Command(name = "cancel", description = "Cancel a download and delete its incomplete data.")
    static final class Cancel implements Callable<Integer> {
        @ParentCommand
        AgentCommand agent;
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            return agent.once(c -> c.delete("/api/v1/downloads/" + AgentClient.encode(id)),
                    none -> agent.out().println("cancelled " + id));
        }
    }

    @Command(name = "shares", description = "Shared files with hashing progress and links.")
    static final class Shares implements Callable<Integer> {
        @ParentCommand
        AgentCommand agent;

        @Override
        public Integer call() {
            return agent.list("/api/v1/shares", "nothing shared", s -> {
                agent.out().printf("%-7s %s %s  %s%n", s.path("state").asString(),
                        ProgressBar.render(Math.round(s.path("progress").asDouble() * 1000), 1000, 20),
                        Sizes.compact(s.path("size").asLong()), s.path("path").asString());
                if (s.path("ed2kLink").isString()) {
                    agent.out().printf("        %s%n        %s%n", s.path("ed2kLink").asString(),
                            s.path("magnet").asString());
                }
                if (s.path("error").isString()) {
                    agent.out().printf("        error: %s%n", s.path("error").asString());
                }
            });
        }
    }

    @Command(name = "share", description = "Share a file or directory (absolute path on the agent's machine).")
    static final class Share implements Callable<Integer> {
        @ParentCommand
        AgentCommand agent;
        @Parameters(paramLabel = "PATH")
        String path;

        @Override
        public Integer call() {
            return agent.once(c -> c.post("/api/v1/shares", Map.of("path", path)), added -> agent.out()
                    .printf("sharing %d file(s) under %s (hashing in the background)%n", added.size(), path));
        }
    }

    @Command(name = "search", description = "Search the network's files by name.")
    static final class Search implements Callable<Integer> {
        @ParentCommand
        AgentCommand agent;
        @Parameters(paramLabel = "WORDS", arity = "1..*")
        List<String> words;

        @Override
        public Integer call() {
            return agent.list("/api/v1/search?q=" + AgentClient.encode(String.join(" ", words)), "nothing found",
                    // the magnet is what 'agent add' takes: the agent fetches the torrent from the tracker
                    f -> agent.out().printf("%10s  %2d seeds  %s%n    magnet:?xt=urn:btih:%s%n",
                            Sizes.compact(f.path("size").asLong()), f.path("seeders").asInt(),
                            f.path("path").asString(f.path("torrentName").asString()), f.path("infoHash").asString()));
        }
    }

    @Command(name = "rooms", description = "The network's chat rooms.")
    static final class Rooms implements Callable<Integer> {
        @ParentCommand
        AgentCommand agent;

        @Override
        public Integer call() {
            return agent.list("/api/v1/rooms", "no rooms", r -> agent.out().printf("%-24s %3d users  %s%n",
                    r.path("name").asString(), r.path("users").asInt(), r.path("topic").asString("")));
        }
    }

    @Command(name = "create-room", description = "Create a chat room on the network's chatroom service.")
    static final class CreateRoom implements Callable<Integer> {
        @ParentCommand
        AgentCommand agent;
        @Parameters(paramLabel = "NAME", description = "1-64 letters, digits, '.', '_' or '-'")
        String name;
        @Option(names = "--private", description = "invite-only room (the answer shows its invite code)")
        boolean privateRoom;
        @Option(names = "--topic", description = "what the room is about")
        String topic;

        @Override
        public Integer call() {
            Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("name", name, "private", privateRoom));
            if (topic != null) {
                body.put("topic", topic);
            }
            return agent.once(c -> c.post("/api/v1/rooms", body), room -> {
                agent.out().printf("created %s room %s on %s%n", privateRoom ? "private" : "public", name,
                        room.path("hostUrl").asString("?"));
                if (room.path("inviteCode").isString()) {
                    agent.out().printf("invite code: %s%n", room.path("inviteCode").asString());
                }
            });
        }
    }

    @Command(name = "join", description = "Join a room.")
    static final class Join implements Callable<Integer> {
        @ParentCommand
        AgentCommand agent;
        @Parameters(paramLabel = "ROOM")
        String room;

        @Override
        public Integer call() {
            return agent.once(c -> c.post("/api/v1/rooms/" + AgentClient.encode(room) + "/join", Map.of()),
                    membership -> agent.out().printf("joined %s as %s%n", room, membership.path("nickname").asString()));
        }
    }

    @Command(name = "say", description = "Post a message to a joined room.")
    static final class Say implements Callable<Integer> {
        @ParentCommand
        AgentCommand agent;
        @Parameters(index = "0", paramLabel = "ROOM")
        String room;
        @Parameters(index = "1..*", paramLabel = "TEXT", arity = "1..*")
        List<String> text;

        @Override
        public Integer call() {
            return agent.once(c -> c.post("/api/v1/rooms/" + AgentClient.encode(room) + "/messages",
                    Map.of("text", String.join(" ", text))), posted -> { });
        }
    }

    @Command(name = "listen", description = "Print a room's messages as they arrive (Ctrl-C to stop).")
    static final class Listen implements Callable<Integer> {
        @ParentCommand
        AgentCommand agent;
        @Parameters(paramLabel = "ROOM")
        String room;

        @Override
        public Integer call() {
            return agent.call(() -> {
                AgentClient client = agent.client();
                agent.out().printf("listening to %s%n", room);
                agent.out().flush();
                client.events(event -> {
                    if (!"room".equals(event[0])) {
                        return;
                    }
                    JsonNode e = client.json().readTree(event[1]);
                    if (room.equals(e.path("room").asString())) {
                        JsonNode body = e.path("event");
                        agent.out().printf("<%s> %s%n", body.path("nickname").asString("?"),
                                body.path("text").asString(e.path("type").asString()));
                        agent.out().flush();
                    }
                });
                return 0;
            });
        }
    }
}

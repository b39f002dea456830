package net.p2pnet.cli.agent;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/** The chat subcommands of {@code ./p2pnet agent}: rooms, create-room, join, say, listen. */
final class RoomCommands {

    private RoomCommands() {
    }

    @Command(name = "rooms", description = "The network's chat rooms.")
    static final class Rooms implements Callable<Integer> {
        @ParentCommand
        AgentCommand agent;

        @Override
        public Integer call() {
            return agent.list(AgentClient::rooms, "no rooms", r -> agent.out().printf("%-24s %3d users  %s%n",
                    r.name(), r.users(), r.topic() != null ? r.topic() : ""));
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
            return agent.once(c -> c.createRoom(name, topic, privateRoom), room -> {
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
            return agent.once(c -> c.join(room),
                    membership -> agent.out().printf("joined %s as %s%n", room, membership.nickname()));
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
            return agent.call(() -> {
                agent.client().say(room, String.join(" ", text), null);
                return 0;
            });
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
                    if (!"room".equals(event.name())) {
                        return;
                    }
                    JsonNode e = client.parse(event.data());
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

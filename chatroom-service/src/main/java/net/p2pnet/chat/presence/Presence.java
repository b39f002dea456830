package net.p2pnet.chat.presence;

import static net.p2pnet.model.api.RequestRefused.conflict;
import static net.p2pnet.model.api.RequestRefused.forbidden;
import static net.p2pnet.model.api.RequestRefused.notFound;

import java.time.Clock;
import java.time.Instant;
import net.p2pnet.chat.config.ChatProperties;
import net.p2pnet.chat.room.EventKind;
import net.p2pnet.chat.room.LiveRoom;
import net.p2pnet.chat.room.Member;
import net.p2pnet.chat.room.RoomLog;
import net.p2pnet.chat.room.Rooms;
import net.p2pnet.model.api.RequestRefused;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Who is in which room. Joins and leaves are logged as events (MLdonkey's Room_add_user /
 * Room_del_user) under the room's lock, so the nickname check and the event order agree.
 */
@Service
public class Presence {

    private final Rooms rooms;
    private final RoomLog log;
    private final Clock clock;
    private final ChatProperties properties;

    public Presence(Rooms rooms, RoomLog log, Clock clock, ChatProperties properties) {
        this.rooms = rooms;
        this.log = log;
        this.clock = clock;
        this.properties = properties;
    }

    /** The result of a join: the membership and whether it is new (a repeated join is idempotent). */
    public record Joined(Member member, boolean created) {
    }

    public Joined join(LiveRoom room, String peerId, String nickname, String inviteCode) {
        if (room.isPrivate() && !room.visibleTo(peerId) && !room.inviteMatches(inviteCode)) {
            throw forbidden("room '" + room.name() + "' is private: "
                    + (inviteCode == null ? "an invite code is required" : "the invite code is wrong"));
        }
        int memberships = properties.quota().membershipsPerMember();
        if (room.member(peerId).isEmpty() && rooms.membershipsOf(peerId) >= memberships) {
            throw new RequestRefused(429, "you are in " + memberships + " rooms, the most one member may be in at "
                    + "once (p2pnet.chatroom.quota.memberships-per-member): leave one first");
        }
        Joined joined = room.locked(() -> {
            Member existing = room.member(peerId).orElse(null);
            if (existing != null) {
                if (!existing.nickname().equals(nickname)) {
                    throw conflict("you are already in room '" + room.name() + "' as '" + existing.nickname()
                            + "': leave first to change nickname");
                }
                existing.seen(clock.instant());
                return new Joined(existing, false);
            }
            if (room.memberNamed(nickname).isPresent()) {
                throw conflict("nickname '" + nickname + "' is taken in room '" + room.name() + "'");
            }
            Member member = new Member(peerId, nickname, clock.instant());
            room.addMember(member);
            log.append(room, EventKind.JOIN, member, null, null);
            return new Joined(member, true);
        });
        if (joined.created()) {
            rooms.changed();
        }
        return joined;
    }

    public void leave(LiveRoom room, String peerId) {
        Member member = room.member(peerId)
                .orElseThrow(() -> notFound("you are not a member of room '" + room.name() + "'"));
        remove(room, member, EventKind.LEAVE, null);
    }

    /** The owner removes a member; the member's streams of this room end. */
    public void kick(LiveRoom room, String nickname) {
        Member member = room.memberNamed(nickname)
                .orElseThrow(() -> notFound("no member named '" + nickname + "' in room '" + room.name() + "'"));
        remove(room, member, EventKind.KICK, "removed by the room's owner");
        room.closeStreamsOf(member.peerId());
    }

    public void keepAlive(LiveRoom room, String peerId) {
        room.member(peerId).orElseThrow(() -> notFound("you are not a member of room '" + room.name()
                + "' (a member silent for " + properties.presenceTimeout() + " leaves): join again"))
                .seen(clock.instant());
    }

    /** Members without an open stream who sent nothing within the presence timeout leave. */
    @Scheduled(fixedDelay = 2_000)
    public void sweep() {
        Instant now = clock.instant();
        for (LiveRoom room : rooms.all()) {
            for (Member member : room.members()) {
                if (member.expired(now, properties.presenceTimeout())) {
                    remove(room, member, EventKind.LEAVE, "timed out");
                }
            }
        }
    }

    private void remove(LiveRoom room, Member member, EventKind kind, String reason) {
        boolean removed = room.locked(() -> {
            if (!room.removeMember(member) || room.isDeleted()) {
                return false;
            }
            log.append(room, kind, member, reason, null);
            return true;
        });
        if (removed) {
            rooms.changed();
        }
    }
}

package net.p2pnet.chat.presence;

import java.time.Instant;
import net.p2pnet.chat.room.LiveRoom;
import net.p2pnet.chat.room.Member;

/** A member as the API shows it; {@code owner} marks the room's owner. */
public record MemberView(String room, String nickname, boolean owner, Instant joinedAt) {

    static MemberView of(LiveRoom room, Member member) {
        return new MemberView(room.name(), member.nickname(), room.isOwner(member.peerId()), member.joinedAt());
    }
}

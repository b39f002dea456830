package net.p2pnet.chat.message;

import static net.p2pnet.model.api.RequestRefused.badRequest;
import static net.p2pnet.model.api.RequestRefused.forbidden;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import net.p2pnet.chat.metrics.ChatMetrics;
import net.p2pnet.chat.quota.MemberBudget;
import net.p2pnet.chat.room.ChatEvent;
import net.p2pnet.chat.room.EventKind;
import net.p2pnet.chat.room.LinkReference;
import net.p2pnet.chat.room.LiveRoom;
import net.p2pnet.chat.room.Member;
import net.p2pnet.chat.room.RoomLog;
import org.springframework.stereotype.Service;

/** Posting: a member's message is checked, rate limited, stored and streamed, in that order. */
@Service
class MessageService {

    static final int MAX_TEXT_BYTES = 4096;

    private final RoomLog log;
    private final PostingLimiter limiter;
    private final MemberBudget budget;
    private final ChatMetrics metrics;
    private final Clock clock;

    MessageService(RoomLog log, PostingLimiter limiter, MemberBudget budget, ChatMetrics metrics, Clock clock) {
        this.log = log;
        this.limiter = limiter;
        this.budget = budget;
        this.metrics = metrics;
        this.clock = clock;
    }

    ChatEvent post(LiveRoom room, String peerId, PostMessageRequest request) {
        Member member = room.member(peerId).orElseThrow(
                () -> forbidden("join room '" + room.name() + "' before posting in it"));
        int bytes = request.text().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TEXT_BYTES) {
            throw badRequest("text is " + bytes + " bytes of UTF-8; a message may have at most " + MAX_TEXT_BYTES
                    + " (4 KiB)");
        }
        String link = request.link() == null || request.link().isBlank() ? null : request.link().strip();
        if (link != null) {
            LinkReference.problem(link).ifPresent(p -> {
                throw badRequest(p);
            });
        }
        // Checked input only: a refused message must not cost a token.
        budget.write(peerId);
        limiter.consume(room, peerId);
        member.seen(clock.instant());
        ChatEvent event = log.append(room, EventKind.MESSAGE, member, request.text(), link);
        metrics.messagePosted();
        return event;
    }
}

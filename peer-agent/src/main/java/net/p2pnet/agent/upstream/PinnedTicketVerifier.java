package net.p2pnet.agent.upstream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Locale;
import net.p2pnet.agent.transfer.PeerTicketVerifier;
import net.p2pnet.model.crypto.PeerTicket;
import net.p2pnet.model.crypto.VerificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Checks other agents' peer tickets on the transfer port of a private network (an agent with a join
 * key): signature under the pinned ticket key, network name, expiry with a little clock skew. Until a
 * key is pinned, nobody is served: failing closed is the only safe default for a private network.
 * In an open network (no join key) this bean does not exist and the transfer port serves anyone.
 */
@Component
@Conditional(PinnedTicketVerifier.PrivateNetwork.class)
public class PinnedTicketVerifier implements PeerTicketVerifier {

    private static final Logger log = LoggerFactory.getLogger(PinnedTicketVerifier.class);

    private final TicketKeyPin pin;
    private final RendezvousProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    PinnedTicketVerifier(TicketKeyPin pin, RendezvousProperties properties, MeterRegistry meters) {
        this.pin = pin;
        this.properties = properties;
        this.clock = Clock.systemUTC();
        this.meters = meters;
    }

    @Override
    public PeerTicket verify(String token) {
        TicketKeyPin.Pinned pinned = pin.current().orElse(null);
        if (pinned == null) {
            refused("no_key");
            throw new VerificationException(VerificationException.Reason.MALFORMED,
                    "this agent has no ticket key pinned yet (not registered with a rendezvous server): try later");
        }
        try {
            return PeerTicket.verify(token, pinned.key(), pinned.network(), clock.instant(),
                    properties.ticketClockSkew());
        } catch (VerificationException e) {
            log.debug("refused a peer ticket ({}): {}", e.reason(), e.getMessage());
            refused(e.reason().name().toLowerCase(Locale.ROOT));
            throw e;
        }
    }

    private void refused(String reason) {
        Counter.builder("p2pnet.agent.peer.tickets.refused").description("peer tickets refused on the transfer port")
                .tag("reason", reason).register(meters).increment();
    }

    /** A join key is configured: the agent is a member of a private network. */
    static final class PrivateNetwork implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("p2pnet.agent.join-key"));
        }
    }
}

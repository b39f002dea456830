package net.p2pnet.agent.transfer;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last challenge each agent of a private network gave us ({@link MemberProof}): a new connection
 * answers it straight away instead of being refused first. A challenge lives a couple of minutes on
 * its agent; an outdated one costs one 401, which brings the next. Bounded, oldest forgotten first.
 */
final class MemberChallenges {

    private static final int MAX_AGENTS = 4096;

    private final Map<InetSocketAddress, MemberProof.Challenge> last = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, MemberProof.Challenge> eldest) {
            return size() > MAX_AGENTS;
        }
    };

    synchronized Optional<MemberProof.Challenge> of(InetSocketAddress agent) {
        return Optional.ofNullable(last.get(agent));
    }

    synchronized void remember(InetSocketAddress agent, MemberProof.Challenge challenge) {
        last.put(agent, challenge);
    }
}

package net.p2pnet.agent.control;

import org.springframework.core.Ordered;

/**
 * Order of the control port's servlet filters: the cheapest refusals first, all of them before
 * Spring's own filters that may read a body (FormContentFilter at -9900), so a refused request
 * has nothing read.
 */
final class ControlFilterOrder {

    static final int HOST = Ordered.HIGHEST_PRECEDENCE + 10;
    static final int CROSS_SITE = Ordered.HIGHEST_PRECEDENCE + 20;
    static final int ACCESS = Ordered.HIGHEST_PRECEDENCE + 30;
    static final int BODY_LIMIT = Ordered.HIGHEST_PRECEDENCE + 40;

    private ControlFilterOrder() {
    }
}

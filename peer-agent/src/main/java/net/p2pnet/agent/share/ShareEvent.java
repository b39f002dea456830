package net.p2pnet.agent.share;

import net.p2pnet.model.api.ShareView;

/** Published when a shared file starts hashing, is shared, fails or is withdrawn ({@code removed}). */
public record ShareEvent(ShareView share, boolean removed) {
}

package net.p2pnet.model.api;

/**
 * A shared directory or file as the agent's control API shows it ({@code GET /api/v1/shares/roots}).
 * Only roots added through the API can be removed through it; configured ones come back on restart.
 */
public record ShareRootView(String path, Origin origin) {

    /** Where a root came from. */
    public enum Origin {
        /** {@code p2pnet.agent.shared-dirs}: change the configuration to remove it. */
        CONFIGURED,
        /** {@code POST /api/v1/shares}: {@code DELETE /api/v1/shares/roots?path=...} removes it. */
        API
    }
}

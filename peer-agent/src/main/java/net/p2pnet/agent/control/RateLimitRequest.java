package net.p2pnet.agent.control;

/** Body of {@code PUT /api/v1/downloads/{id}/rate}: bytes per second, 0 = only the global limit. */
record RateLimitRequest(long bytesPerSecond) {
}

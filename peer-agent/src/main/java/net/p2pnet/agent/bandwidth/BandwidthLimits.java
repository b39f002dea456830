package net.p2pnet.agent.bandwidth;

import net.p2pnet.agent.config.AgentProperties;
import org.springframework.stereotype.Component;

/**
 * The agent's global upload and download limits (MLdonkey's bandwidth manager), in bytes per second,
 * 0 = unlimited. Start values come from {@code p2pnet.agent.rate.*}; the settings API changes them at
 * run time and every transfer in progress follows. Per-download limits live on the download.
 */
@Component
public class BandwidthLimits {

    private final RateLimiter download;
    private final RateLimiter upload;

    public BandwidthLimits(AgentProperties properties) {
        this.download = new RateLimiter(properties.rate().download().toBytes());
        this.upload = new RateLimiter(properties.rate().upload().toBytes());
    }

    public long getDownloadLimit() {
        return download.rate();
    }

    public void setDownloadLimit(long bytesPerSecond) {
        download.setRate(bytesPerSecond);
    }

    public long getUploadLimit() {
        return upload.rate();
    }

    public void setUploadLimit(long bytesPerSecond) {
        upload.setRate(bytesPerSecond);
    }

    /** The limiter every download's received bytes pass through. */
    public RateLimiter download() {
        return download;
    }

    /** The limiter every byte served on the transfer port passes through. */
    public RateLimiter upload() {
        return upload;
    }
}

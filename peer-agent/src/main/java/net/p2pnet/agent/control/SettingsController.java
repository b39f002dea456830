package net.p2pnet.agent.control;

import net.p2pnet.agent.bandwidth.BandwidthLimits;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/settings}: the global bandwidth limits, changeable while transfers run. */
@RestController
@RequestMapping("/api/v1/settings")
class SettingsController {

    private final BandwidthLimits limits;

    SettingsController(BandwidthLimits limits) {
        this.limits = limits;
    }

    @GetMapping
    Settings get() {
        return new Settings(limits.getDownloadLimit(), limits.getUploadLimit());
    }

    /** Fields left out (null) keep their value. */
    @PutMapping
    Settings update(@RequestBody SettingsUpdate update) {
        if (update.downloadLimit() != null) {
            limits.setDownloadLimit(nonNegative(update.downloadLimit(), "downloadLimit"));
        }
        if (update.uploadLimit() != null) {
            limits.setUploadLimit(nonNegative(update.uploadLimit(), "uploadLimit"));
        }
        return get();
    }

    private static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new BadControlRequestException(field + " must be 0 (unlimited) or a positive number of bytes per second");
        }
        return value;
    }

    /** Limits in bytes per second, 0 = unlimited. */
    record Settings(long downloadLimit, long uploadLimit) {
    }

    record SettingsUpdate(Long downloadLimit, Long uploadLimit) {
    }
}

package net.p2pnet.agent.transfer;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;

/**
 * What this agent serves on its transfer port, by info-hash: complete files published by sharing
 * ({@link #publish}) and downloads in progress, which serve their verified pieces (partial sharing,
 * as MLdonkey does). The transfer server answers only from here; nothing on the hot path touches JPA.
 */
@Component
public class ContentCatalog {

    private final Map<String, ServedContent> byInfoHash = new ConcurrentHashMap<>();

    /** Serves a complete shared file; replaces whatever was served under the same info-hash. */
    public void publish(SharedContent content) {
        publish(content, bytes -> { });
    }

    /** Serves a complete shared file, telling {@code uploads} every block of it sent (upload counters). */
    public void publish(SharedContent content, LongConsumer uploads) {
        closeIfFile(byInfoHash.put(content.infoHash(), new CompleteFile(content, uploads)));
    }

    /** Stops serving an info-hash (40 hex digits, either case); unknown hashes are ignored. */
    public void withdraw(String infoHashHex) {
        closeIfFile(byInfoHash.remove(infoHashHex.toLowerCase(Locale.ROOT)));
    }

    private static void closeIfFile(ServedContent old) {
        if (old instanceof CompleteFile file) {
            file.close();
        }
    }

    /** Serves a download in progress; a complete file published under the same info-hash wins. */
    public void publishPartial(ServedContent partial) {
        byInfoHash.merge(partial.infoHash(), partial, (old, added) -> old instanceof CompleteFile ? old : added);
    }

    /** Stops serving a download in progress (a complete file under the same hash stays). */
    public void withdrawPartial(ServedContent partial) {
        byInfoHash.remove(partial.infoHash(), partial);
    }

    public Optional<ServedContent> find(String infoHashHex) {
        return Optional.ofNullable(byInfoHash.get(infoHashHex.toLowerCase(Locale.ROOT)));
    }

    /** The content whose ed2k root is {@code ed2kHashHex}, for ed2k-link downloads that ask a source. */
    public Optional<ServedContent> findByEd2k(String ed2kHashHex) {
        String wanted = ed2kHashHex.toLowerCase(Locale.ROOT);
        return byInfoHash.values().stream().filter(c -> c.ed2k() != null && wanted.equals(c.ed2k().hex())).findFirst();
    }

    public Collection<ServedContent> all() {
        return List.copyOf(byInfoHash.values());
    }
}

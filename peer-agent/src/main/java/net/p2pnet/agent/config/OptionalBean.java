package net.p2pnet.agent.config;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A bean that may not exist (an open network has no ticket verifier), or that cannot be injected
 * directly (a cycle), looked up once on first use and then remembered. Why not
 * {@link ObjectProvider#getIfAvailable()} at each use: every call resolves the bean by type through
 * the bean factory, which on the transfer path (every request, both sides) cost CPU and kept the
 * JIT compiling Spring's type matching during downloads (docs/benchmarks.md).
 *
 * <p>Use it only after the context has started: a bean missing then is missing for good.
 */
public final class OptionalBean<T> {

    private final ObjectProvider<T> provider;
    private volatile Optional<T> resolved;

    public OptionalBean(ObjectProvider<T> provider) {
        this.provider = provider;
    }

    public Optional<T> get() {
        Optional<T> bean = resolved;
        if (bean == null) {
            bean = Optional.ofNullable(provider.getIfAvailable());
            resolved = bean;
        }
        return bean;
    }
}

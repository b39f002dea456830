package net.p2pnet.support.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import net.p2pnet.model.api.RequestRefused;

/**
 * A service's own exceptions that are client errors, with the status and title each gets. A service
 * declares one such bean; {@link ProblemDetailsAdvice} turns a listed exception into the same
 * problem details as a {@link RequestRefused}, and anything not listed into a 500. Domain
 * exceptions thus stay free of HTTP, and a bug's exception is never mistaken for a bad request.
 */
public final class ClientErrors {

    private final Map<Class<?>, Function<Throwable, RequestRefused>> rules;

    private ClientErrors(Map<Class<?>, Function<Throwable, RequestRefused>> rules) {
        this.rules = Map.copyOf(rules);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The refusal {@code e} stands for: the rule of its own class, else of the nearest superclass listed. */
    public Optional<RequestRefused> refusal(Throwable e) {
        for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
            Function<Throwable, RequestRefused> rule = rules.get(type);
            if (rule != null) {
                return Optional.of(rule.apply(e));
            }
        }
        return Optional.empty();
    }

    public static final class Builder {

        private final Map<Class<?>, Function<Throwable, RequestRefused>> rules = new LinkedHashMap<>();

        public <T extends Throwable> Builder map(Class<T> type, int status, String title) {
            return map(type, e -> status, title, Throwable::getMessage);
        }

        public <T extends Throwable> Builder map(Class<T> type, ToIntFunction<T> status, String title) {
            return map(type, status, title, Throwable::getMessage);
        }

        public <T extends Throwable> Builder map(Class<T> type, ToIntFunction<T> status, String title,
                Function<T, String> detail) {
            rules.put(type, e -> new RequestRefused(status.applyAsInt(type.cast(e)), title, detail.apply(type.cast(e))));
            return this;
        }

        public ClientErrors build() {
            return new ClientErrors(rules);
        }
    }
}

package dev.throughline.pacing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.throughline.jira.JiraQuotaExhaustedException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A page's last good answer per key (a viewer's own, so visibility stays theirs), handed
 * out with its age when Jira's points quota is used up: the page shows "as of 14:05 —
 * Jira quota reached, refreshing after 15:00" instead of an error. Values are held softly
 * and for a day at most: under memory pressure an old answer goes, and the error comes
 * back.
 */
public final class LastGood<K, V> {

    /** Why an answer is older than asked, and until when. */
    public record Staleness(Instant asOf, String reason, Instant refreshAfter) {

        public Staleness {
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(refreshAfter, "refreshAfter");
        }

        /** "As of 14:05 UTC — Jira quota reached, refreshing after 15:00 UTC." */
        public String message() {
            return "As of " + TIME.format(asOf) + " UTC — Jira quota reached, refreshing after "
                    + TIME.format(refreshAfter) + " UTC.";
        }

    }

    /** The value, and its staleness when it is the last good one. */
    public record Answer<V>(V value, Optional<Staleness> stale) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private record Kept<V>(V value, Instant asOf) {
    }

    private final Cache<K, Kept<V>> kept;

    private final Function<V, Instant> asOf;

    /** {@code asOf}: when a value was read from Jira. */
    public LastGood(int maximumSize, Function<V, Instant> asOf) {
        this.kept = Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .softValues()
            .expireAfterWrite(Duration.ofDays(1))
            .build();
        this.asOf = asOf;
    }

    /**
     * {@code live}, kept as the key's last good answer; when it fails because Jira's
     * quota is used up, the last good answer with its age (or the failure, when there is
     * none).
     */
    public Answer<V> get(K key, Supplier<V> live) {
        try {
            V value = live.get();
            kept.put(key, new Kept<>(value, asOf.apply(value)));
            return new Answer<>(value, Optional.empty());
        }
        catch (RuntimeException e) {
            Optional<JiraQuotaExhaustedException> quota = quotaCause(e);
            Kept<V> last = kept.getIfPresent(key);
            if (quota.isEmpty() || last == null) {
                throw e;
            }
            return new Answer<>(last.value(), Optional.of(new Staleness(last.asOf(),
                    "Jira quota reached (" + quota.get().reason().headerValue() + ")", quota.get().until())));
        }
    }

    private static Optional<JiraQuotaExhaustedException> quotaCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JiraQuotaExhaustedException quota) {
                return Optional.of(quota);
            }
        }
        return Optional.empty();
    }

}

package dev.throughline.readmodel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a view must read from Jira before the read model answers it.
 *
 * @param cold projects never read, or read with another story-points field: read in full
 * @param window projects to refresh by {@code updated} since {@code since} (less the
 * overlap): the view asked for it, an event could not be applied, or the last sync is
 * older than the allowed age
 * @param dirty issues events named without their facts: read again by key
 */
public record SyncPlan(List<String> cold, List<String> window, Optional<Instant> since,
        List<IssueFactsStore.Dirty> dirty) {

    public SyncPlan {
        cold = List.copyOf(cold);
        window = List.copyOf(window);
        dirty = List.copyOf(dirty);
    }

    /** The same without the dirty issues. */
    public SyncPlan withoutDirty() {
        return new SyncPlan(cold, window, since, List.of());
    }

    /** Only the dirty issues, read again by key. */
    public SyncPlan dirtyOnly() {
        return new SyncPlan(List.of(), List.of(), Optional.empty(), dirty);
    }

    /** True when the read model answers as it is, without a Jira call. */
    public boolean nothingToRead() {
        return cold.isEmpty() && window.isEmpty() && dirty.isEmpty();
    }

}

package dev.throughline.readmodel;

import java.time.Instant;
import java.util.Optional;

/**
 * When the last property event applied to each issue property was raised, so a late or
 * repeated delivery never undoes a newer one. Part of the read model (a cache: a time
 * dropped only lets one older event through, which the next event or read corrects).
 */
public interface PropertyEventTimes {

    /**
     * Records {@code at} for the issue's property unless a later event was recorded.
     * @return false when a later event was recorded: this one is stale and is not applied
     */
    boolean advance(String siteKey, long issueId, String propertyKey, Instant at);

    /** The time recorded for the issue's property, if any. */
    Optional<Instant> last(String siteKey, long issueId, String propertyKey);

}

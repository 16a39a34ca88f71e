package dev.throughline.readmodel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An issue property set or deleted, as Jira's event tells it (by any caller: another
 * tool, a user through REST, Throughline itself).
 *
 * @param projectKey the issue's project when the event names it
 * @param deleted the property was deleted (the issue no longer has it)
 * @param carried whether the event carried the value it was set to: only then can it be
 * applied without reading the issue
 * @param value the value set when it is a JSON object (a value of another shape reads as
 * no value, as a search's does)
 * @param at when Jira raised the event, when the event says: an older event than one
 * applied already is stale (deliveries may come late or twice)
 */
public record PropertyChange(long issueId, String issueKey, Optional<String> projectKey, String propertyKey,
        boolean deleted, boolean carried, Optional<Map<String, Object>> value, Optional<Instant> at) {

    public PropertyChange {
        if (issueId <= 0) {
            throw new IllegalArgumentException("issue id must be positive, was " + issueId);
        }
        Objects.requireNonNull(issueKey, "issueKey");
        Objects.requireNonNull(propertyKey, "propertyKey");
        List.of(projectKey, value, at).forEach(o -> Objects.requireNonNull(o, "use Optional.empty(), not null"));
        value = value.map(Map::copyOf);
    }

    /** Whether the read model keeps this property ({@link FactsOf#properties}). */
    public boolean kept() {
        return FactsOf.properties().contains(propertyKey);
    }

    /** The event says what the property now is: set with its value, or deleted. */
    public boolean complete() {
        return deleted || carried;
    }

}

package dev.throughline.readmodel;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link PropertyEventTimes} in memory: for tests and a service built without Spring. */
public final class MemoryPropertyEventTimes implements PropertyEventTimes {

    private final Map<String, Instant> last = new ConcurrentHashMap<>();

    @Override
    public boolean advance(String siteKey, long issueId, String propertyKey, Instant at) {
        Instant kept = last.merge(key(siteKey, issueId, propertyKey), at,
                (before, now) -> now.isBefore(before) ? before : now);
        return !kept.isAfter(at);
    }

    @Override
    public Optional<Instant> last(String siteKey, long issueId, String propertyKey) {
        return Optional.ofNullable(last.get(key(siteKey, issueId, propertyKey)));
    }

    private static String key(String siteKey, long issueId, String propertyKey) {
        return siteKey + "\n" + issueId + "\n" + propertyKey;
    }

}

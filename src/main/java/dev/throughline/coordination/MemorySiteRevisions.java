package dev.throughline.coordination;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SiteRevisions} of one process (tests, a lone instance). */
final class MemorySiteRevisions implements SiteRevisions {

    private final Map<String, Map<String, Long>> bySite = new ConcurrentHashMap<>();

    @Override
    public void bump(String siteKey, String name) {
        bySite.computeIfAbsent(siteKey, key -> new ConcurrentHashMap<>()).merge(name, 1L, Long::sum);
    }

    @Override
    public Optional<Map<String, Long>> of(String siteKey) {
        return Optional.of(Map.copyOf(bySite.getOrDefault(siteKey, Map.of())));
    }

}

package dev.throughline.theme.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.theme.ThemeCatalog;
import dev.throughline.theme.store.ThemeJiraStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each site's theme catalog kept between theme-progress views for the app's rollup cache
 * time ({@code throughline.program.cache-ttl}, as program views keep theme facts): a warm
 * view then waits for no catalog read (the index and its shard, two answers in a row). A
 * write through Throughline drops the site's catalog ({@link #forget}), so it shows at
 * once on this instance; another instance, or another tool writing the app properties,
 * shows within the cache time.
 */
@Component
public class KeptCatalogs {

    private record Kept(ThemeCatalog catalog, Instant at) {
    }

    private final ThemeJiraStore store;

    private final Clock clock;

    private final Duration ttl;

    private final Map<String, Kept> bySite = new ConcurrentHashMap<>();

    /**
     * Writes finished per site: a read that saw a write finish while it ran is not kept.
     */
    private final Map<String, Long> writes = new ConcurrentHashMap<>();

    public KeptCatalogs(ThemeJiraStore store, Clock clock,
            @Value("${throughline.program.cache-ttl:10m}") Duration ttl) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    /**
     * The site's catalog, read from Jira when none is kept, it is older than the cache
     * time, or {@code refresh}.
     */
    public ThemeCatalog catalog(JiraClient client, String siteKey, boolean refresh) {
        Instant now = clock.instant();
        Kept kept = bySite.get(siteKey);
        if (!refresh && kept != null && !kept.at().isAfter(now) && kept.at().plus(ttl).isAfter(now)) {
            return kept.catalog();
        }
        long writesBefore = writes.getOrDefault(siteKey, 0L);
        ThemeCatalog catalog = store.catalog(client);
        // checked inside compute: a write's forget either came first (not kept) or
        // removes what is put here after it
        bySite.compute(siteKey,
                (key, old) -> writes.getOrDefault(siteKey, 0L) == writesBefore ? new Kept(catalog, now) : old);
        return catalog;
    }

    /** A write through Throughline changed (or may have changed) the site's catalog. */
    public void forget(String siteKey) {
        writes.merge(siteKey, 1L, Long::sum);
        bySite.remove(siteKey);
    }

}

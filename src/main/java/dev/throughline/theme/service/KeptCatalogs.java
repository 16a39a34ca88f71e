package dev.throughline.theme.service;

import dev.throughline.coordination.SiteRevisions;
import dev.throughline.jira.JiraClient;
import dev.throughline.theme.ThemeCatalog;
import dev.throughline.theme.ThemeCatalogReader;
import dev.throughline.theme.store.ThemeJiraStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The app's one cache of each site's theme catalog, for theme-progress and program views
 * alike ({@link ThemeCatalogReader}): a warm view then waits for no catalog read (the
 * index and its shard, two answers in a row). Every theme write through Throughline drops
 * it ({@link #forget}) on every instance at once: it bumps the site's catalog revision in
 * the shared database ({@link SiteRevisions}), and a view uses a kept catalog only while
 * the revision it was read at is still the site's. Only this app writes its app
 * properties, so the revision misses no change made through the app; the cache time
 * ({@code throughline.program.cache-ttl}) bounds anything else (a database that could not
 * be written, an app property written by hand).
 */
@Component
public class KeptCatalogs implements ThemeCatalogReader {

    /** The site's revision of its theme catalog. */
    static final String REVISION = "themes.catalog";

    private record Kept(ThemeCatalog catalog, Instant at, long revision) {
    }

    private final ThemeJiraStore store;

    private final Clock clock;

    private final Duration ttl;

    private final SiteRevisions revisions;

    private final Map<String, Kept> bySite = new ConcurrentHashMap<>();

    /**
     * Writes finished per site on this instance: a read that saw a write finish while it
     * ran is not kept (also when the revision could not be bumped).
     */
    private final Map<String, Long> writes = new ConcurrentHashMap<>();

    /** A lone instance's catalogs (tests, benchmarks). */
    public KeptCatalogs(ThemeJiraStore store, Clock clock, Duration ttl) {
        this(store, clock, ttl, SiteRevisions.inMemory());
    }

    @Autowired
    public KeptCatalogs(ThemeJiraStore store, Clock clock, @Value("${throughline.program.cache-ttl:10m}") Duration ttl,
            SiteRevisions revisions) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.revisions = Objects.requireNonNull(revisions, "revisions");
    }

    /**
     * A lone instance's catalogs kept for the default cache time, 10 minutes (tests and
     * benchmarks of program views).
     */
    public static KeptCatalogs of(Clock clock) {
        return new KeptCatalogs(new ThemeJiraStore(), clock, Duration.ofMinutes(10));
    }

    /**
     * The site's catalog, read from Jira when none is kept, it was read at another
     * revision or longer ago than the cache time, or {@code refresh}.
     */
    @Override
    public ThemeCatalog catalog(JiraClient client, String siteKey, boolean refresh) {
        return catalog(client, siteKey, refresh, revisions(siteKey));
    }

    /** How long a site's catalog is kept at most (the app's cache time). */
    Duration ttl() {
        return ttl;
    }

    /** The site's revisions as the shared database holds them now (one query). */
    Optional<Map<String, Long>> revisions(String siteKey) {
        return revisions.of(siteKey);
    }

    /**
     * The same, with the site's revisions read at the start of this view (before anything
     * is read from Jira, so a write that lands during the read leaves a newer revision
     * behind it).
     */
    ThemeCatalog catalog(JiraClient client, String siteKey, boolean refresh, Optional<Map<String, Long>> revisionsNow) {
        Instant now = clock.instant();
        Optional<Long> revision = revisionsNow.map(r -> r.getOrDefault(REVISION, 0L));
        Kept kept = bySite.get(siteKey);
        if (!refresh && kept != null && revision.isPresent() && kept.revision() == revision.get()
                && !kept.at().isAfter(now) && kept.at().plus(ttl).isAfter(now)) {
            return kept.catalog();
        }
        long writesBefore = writes.getOrDefault(siteKey, 0L);
        ThemeCatalog catalog = store.catalog(client);
        if (revision.isEmpty()) {
            // the database could not say what changed: nothing is kept on its word
            bySite.remove(siteKey);
            return catalog;
        }
        // checked inside compute: a write's forget either came first (not kept) or
        // removes what is put here after it
        bySite.compute(siteKey, (key, old) -> writes.getOrDefault(siteKey, 0L) == writesBefore
                ? new Kept(catalog, now, revision.get()) : old);
        return catalog;
    }

    /**
     * A write through Throughline changed (or may have changed) the site's catalog: every
     * instance's next view reads it again.
     */
    public void forget(String siteKey) {
        writes.merge(siteKey, 1L, Long::sum);
        bySite.remove(siteKey);
        revisions.bump(siteKey, REVISION);
    }

}

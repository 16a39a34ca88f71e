package dev.throughline.grooming.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.throughline.coordination.ChangeFeed;
import dev.throughline.scoring.service.ScoresWritten;
import dev.throughline.settings.service.SiteSettingsChanged;
import dev.throughline.settings.service.SiteSettingsService;
import dev.throughline.tenant.Site;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Backlog snapshots read as the app, per site, board and stale threshold, kept for a
 * short time ({@code throughline.grooming.backlog-cache-ttl}, default 60 s) so paging
 * through a 2,000-issue backlog reads Jira once instead of once per page. A snapshot is
 * never filtered for a viewer: every request checks the caller's own permissions against
 * it (see {@link GroomingService#backlog}). Changes made through the app drop the
 * snapshots they affect: apply, undo and drag-rank drop the board's; score writes (from
 * any page) drop every snapshot of the site holding one of the written issues. Other
 * instances drop theirs through the change feed.
 */
@Component
class BacklogCache {

    /**
     * Rows kept over all snapshots (a row is well under 1 KB), so a few huge boards
     * cannot exhaust the heap.
     */
    static final long MAX_ROWS = 100_000;

    private record Key(String clientKey, long boardId, int staleDays) {
    }

    /**
     * Change-feed topics: a board's order changed (item: board id); scores of issues
     * changed (item: issue key).
     */
    static final String BOARD_CHANGED = "backlog.board";
    static final String ISSUE_CHANGED = "backlog.issue";

    private final Cache<Key, BacklogSnapshot> snapshots;

    private ChangeFeed feed = ChangeFeed.alone();

    BacklogCache(@Value("${throughline.grooming.backlog-cache-ttl:60s}") Duration ttl) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("throughline.grooming.backlog-cache-ttl must not be negative: " + ttl);
        }
        this.snapshots = Caffeine.newBuilder()
            .expireAfterWrite(ttl)
            .maximumWeight(MAX_ROWS)
            .weigher((Key key, BacklogSnapshot snapshot) -> snapshot.rows().size() + 1)
            .build();
    }

    /**
     * The cached snapshot, or one read now by {@code read} (concurrent requests for it
     * wait for one read).
     */
    BacklogSnapshot get(Site site, long boardId, int staleDays, Supplier<BacklogSnapshot> read) {
        return snapshots.get(new Key(site.clientKey(), boardId, staleDays), key -> read.get());
    }

    void put(Site site, long boardId, int staleDays, BacklogSnapshot snapshot) {
        snapshots.put(new Key(site.clientKey(), boardId, staleDays), snapshot);
    }

    @Autowired(required = false)
    void useChangeFeed(ChangeFeed changes) {
        this.feed = changes;
        changes.subscribe(BOARD_CHANGED, change -> dropBoard(change.siteKey(), Long.parseLong(change.item())));
        changes.subscribe(ISSUE_CHANGED, change -> dropIssues(change.siteKey(), Set.of(change.item())));
        changes.subscribe(SiteSettingsService.TOPIC, change -> dropSite(change.siteKey()));
    }

    /**
     * Drops every snapshot of the board (all stale thresholds), here and in the other
     * instances.
     */
    void invalidateBoard(Site site, long boardId) {
        feed.publish(site.clientKey(), BOARD_CHANGED, String.valueOf(boardId));
        dropBoard(site.clientKey(), boardId);
    }

    /**
     * Drops the site's snapshots that hold one of the issues, here and in the other
     * instances.
     */
    void invalidateIssues(Site site, Collection<String> issueKeys) {
        feed.publish(site.clientKey(), ISSUE_CHANGED, issueKeys);
        dropIssues(site.clientKey(), new HashSet<>(issueKeys));
    }

    /**
     * A new story-points field or stale threshold changes every row of the site (other
     * instances hear it too).
     */
    @EventListener
    void settingsChanged(SiteSettingsChanged event) {
        dropSite(event.site().clientKey());
    }

    @EventListener
    void scoresWritten(ScoresWritten event) {
        invalidateIssues(event.site(), event.issueKeys());
    }

    private void dropBoard(String clientKey, long boardId) {
        snapshots.asMap().keySet().removeIf(key -> key.clientKey().equals(clientKey) && key.boardId() == boardId);
    }

    private void dropIssues(String clientKey, Set<String> changed) {
        snapshots.asMap()
            .entrySet()
            .removeIf(entry -> entry.getKey().clientKey().equals(clientKey)
                    && entry.getValue().rows().stream().anyMatch(row -> changed.contains(row.key())));
    }

    private void dropSite(String clientKey) {
        snapshots.asMap().keySet().removeIf(key -> key.clientKey().equals(clientKey));
    }

}

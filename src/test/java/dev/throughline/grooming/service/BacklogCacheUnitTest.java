package dev.throughline.grooming.service;

import dev.throughline.grooming.BacklogFlag;
import dev.throughline.scoring.service.ScoresWritten;
import dev.throughline.tenant.Site;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Which snapshots the cache keeps and which changes drop them. */
class BacklogCacheUnitTest {

    static final Site A = new Site("site-a", URI.create("https://a.atlassian.net"));
    static final Site B = new Site("site-b", URI.create("https://b.atlassian.net"));

    static BacklogSnapshot snapshot(long board, String... keys) {
        return new BacklogSnapshot(board,
                Arrays.stream(keys)
                    .map(key -> new BacklogRow(key, "", "Story", "To Do", Optional.empty(), Optional.empty(), List.of(),
                            List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                            Set.of(BacklogFlag.UNSCORED), Set.of(), Optional.of(1L), Optional.of("WEB"), 0, Map.of()))
                    .toList(),
                Map.of(), Instant.EPOCH);
    }

    @Test
    void aSnapshotIsReadOncePerSiteBoardAndStaleDays() {
        BacklogCache cache = new BacklogCache(Duration.ofSeconds(60));
        AtomicInteger reads = new AtomicInteger();

        for (int i = 0; i < 5; i++) {
            cache.get(A, 1, 90, () -> {
                reads.incrementAndGet();
                return snapshot(1, "WEB-1");
            });
        }
        cache.get(A, 1, 30, () -> {
            reads.incrementAndGet();
            return snapshot(1, "WEB-1");
        });
        cache.get(B, 1, 90, () -> {
            reads.incrementAndGet();
            return snapshot(1, "WEB-1");
        });

        assertThat(reads).hasValue(3);
    }

    @Test
    void scoreWritesDropOnlyTheSnapshotsOfThatSiteHoldingTheIssue() {
        BacklogCache cache = new BacklogCache(Duration.ofSeconds(60));
        cache.put(A, 1, 90, snapshot(1, "WEB-1", "WEB-2"));
        cache.put(A, 2, 90, snapshot(2, "MOB-1"));
        cache.put(B, 1, 90, snapshot(1, "WEB-1"));

        cache.scoresWritten(new ScoresWritten(A, List.of("WEB-2")));

        AtomicInteger reads = new AtomicInteger();
        cache.get(A, 1, 90, () -> {
            reads.incrementAndGet();
            return snapshot(1);
        });
        assertThat(reads).hasValue(1);
        assertThat(cache.get(A, 2, 90, () -> snapshot(2)).keys()).containsExactly("MOB-1");
        assertThat(cache.get(B, 1, 90, () -> snapshot(1)).keys()).containsExactly("WEB-1");
    }

    @Test
    void invalidatingABoardDropsEveryStaleThresholdOfIt() {
        BacklogCache cache = new BacklogCache(Duration.ofSeconds(60));
        cache.put(A, 1, 90, snapshot(1, "WEB-1"));
        cache.put(A, 1, 30, snapshot(1, "WEB-1"));
        cache.put(A, 2, 90, snapshot(2, "MOB-1"));

        cache.invalidateBoard(A, 1);

        assertThat(cache.get(A, 1, 90, () -> snapshot(1)).keys()).isEmpty();
        assertThat(cache.get(A, 1, 30, () -> snapshot(1)).keys()).isEmpty();
        assertThat(cache.get(A, 2, 90, () -> snapshot(2)).keys()).containsExactly("MOB-1");
    }

    @Test
    void aZeroTtlKeepsNothing() {
        BacklogCache cache = new BacklogCache(Duration.ZERO);
        AtomicInteger reads = new AtomicInteger();
        cache.get(A, 1, 90, () -> {
            reads.incrementAndGet();
            return snapshot(1);
        });
        cache.get(A, 1, 90, () -> {
            reads.incrementAndGet();
            return snapshot(1);
        });
        assertThat(reads).hasValue(2);
    }

}

package dev.throughline.coordination;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Site revisions in the shared database, bumped and read by two instances. */
class SiteRevisionsTest {

    private final SharedSiteRevisions db = new SharedSiteRevisions();

    private final SiteRevisions a = db.instance();

    private final SiteRevisions b = db.instance();

    @Test
    void aBumpOnOneInstanceIsReadByTheOther() {
        assertThat(b.of("site")).as("never bumped").contains(Map.of());

        a.bump("site", "themes.catalog");
        a.bump("site", "themes.catalog");
        b.bump("site", "readmodel.unheld");
        a.bump("other", "themes.catalog");

        assertThat(b.of("site")).contains(Map.of("themes.catalog", 2L, "readmodel.unheld", 1L));
        assertThat(a.of("other")).contains(Map.of("themes.catalog", 1L));
    }

    @Test
    void racingFirstBumpsAreAllCounted() throws Exception {
        ExecutorService racers = Executors.newFixedThreadPool(4);
        try {
            List<SiteRevisions> instances = List.of(a, b, db.instance(), db.instance());
            CompletableFuture
                .allOf(IntStream.range(0, 40)
                    .mapToObj(i -> CompletableFuture.runAsync(() -> instances.get(i % 4).bump("site", "x"), racers))
                    .toArray(CompletableFuture[]::new))
                .get();
        }
        finally {
            racers.shutdownNow();
        }
        assertThat(a.of("site")).isEqualTo(Optional.of(Map.of("x", 40L)));
    }

    @Test
    void inMemoryRevisionsCountTheSame() {
        SiteRevisions memory = SiteRevisions.inMemory();
        memory.bump("site", "x");
        memory.bump("site", "x");
        assertThat(memory.of("site")).contains(Map.of("x", 2L));
        assertThat(memory.of("other")).contains(Map.of());
    }

}

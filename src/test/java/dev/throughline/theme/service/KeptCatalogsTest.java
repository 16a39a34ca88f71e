package dev.throughline.theme.service;

import dev.throughline.coordination.SharedSiteRevisions;
import dev.throughline.jira.JiraClient;
import dev.throughline.support.SettableClock;
import dev.throughline.theme.ThemeCatalog;
import dev.throughline.theme.store.ThemeJiraStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a site's theme catalog is read from Jira again, counted by a store that reads
 * nothing.
 */
class KeptCatalogsTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));

    private int reads;

    private Runnable duringRead = () -> {
    };

    private final ThemeJiraStore store = new ThemeJiraStore() {
        @Override
        public ThemeCatalog catalog(JiraClient jira) {
            reads++;
            duringRead.run();
            return new ThemeCatalog(List.of());
        }
    };

    private final KeptCatalogs kept = new KeptCatalogs(store, clock, Duration.ofMinutes(10));

    private void view(String site) {
        kept.catalog(null, site, false);
    }

    @Test
    void aSiteCatalogIsReadOncePerCacheTimeAndPerSite() {
        view("a");
        view("a");
        clock.move(Duration.ofMinutes(9));
        view("a");
        view("b");
        assertThat(reads).isEqualTo(2);

        clock.move(Duration.ofMinutes(1));
        view("a");
        assertThat(reads).isEqualTo(3);
    }

    @Test
    void aRefreshOrAWriteReadsItAgain() {
        view("a");
        kept.catalog(null, "a", true);
        assertThat(reads).isEqualTo(2);

        kept.forget("a");
        view("a");
        view("a");
        assertThat(reads).isEqualTo(3);
    }

    @Test
    void aReadDuringWhichAWriteFinishedIsNotKept() {
        // the catalog read may predate the write: keeping it would hide the write for the
        // cache time
        duringRead = () -> kept.forget("a");
        view("a");
        duringRead = () -> {
        };
        view("a");
        view("a");
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void aWriteThroughOneInstanceDropsTheOthersCatalogAtOnce() {
        // two instances over one database, each with its own kept catalogs
        SharedSiteRevisions db = new SharedSiteRevisions();
        KeptCatalogs a = new KeptCatalogs(store, clock, Duration.ofMinutes(10), db.instance());
        KeptCatalogs b = new KeptCatalogs(store, clock, Duration.ofMinutes(10), db.instance());
        b.catalog(null, "site", false);
        a.catalog(null, "site", false);
        b.catalog(null, "site", false);
        assertThat(reads).as("each instance read it once").isEqualTo(2);

        a.forget("site"); // a theme saved through A

        b.catalog(null, "site", false);
        b.catalog(null, "site", false);
        a.catalog(null, "site", false);
        b.catalog(null, "other-site", false);
        assertThat(reads).as("B and A read it again, once each; another site is a read of its own").isEqualTo(5);
    }

}

package dev.throughline.program.service;

import dev.throughline.support.SettableClock;
import dev.throughline.theme.ThemeCatalog;
import dev.throughline.theme.ThemeCatalogReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warm view takes the site's theme facts read within the cache time instead of asking
 * Jira; Refresh and an older read ask again.
 */
class SiteThemeFactsTest {

    private final AtomicInteger reads = new AtomicInteger();

    private final ThemeCatalogReader catalog = jira -> {
        reads.incrementAndGet();
        return new ThemeCatalog(List.of());
    };

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));

    private final SiteThemeFacts themes = new SiteThemeFacts(catalog, clock, new SiteTtl(Duration.ofMinutes(10)));

    @Test
    void aSitesThemesAreReadOncePerCacheTime() {
        themes.of(null, "site", false);
        clock.move(Duration.ofMinutes(9));
        themes.of(null, "site", false);
        assertThat(reads).as("within the cache time").hasValue(1);

        themes.of(null, "other-site", false);
        assertThat(reads).as("another site").hasValue(2);

        themes.of(null, "site", true);
        assertThat(reads).as("refresh").hasValue(3);

        clock.move(Duration.ofMinutes(11));
        themes.of(null, "site", false);
        assertThat(reads).as("after the cache time").hasValue(4);
    }

}

package dev.throughline.program.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.support.SettableClock;
import dev.throughline.theme.Horizon;
import dev.throughline.theme.Quarter;
import dev.throughline.theme.Theme;
import dev.throughline.theme.ThemeCatalog;
import dev.throughline.theme.ThemeColor;
import dev.throughline.theme.ThemeStatus;
import dev.throughline.theme.service.KeptCatalogs;
import dev.throughline.theme.store.ThemeJiraStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warm view takes the site's theme facts read within the cache time instead of asking
 * Jira; Refresh and an older read ask again. The facts come from the theme feature's one
 * kept catalog, so a theme write shows at the next program view.
 */
class SiteThemeFactsTest {

    private final AtomicInteger reads = new AtomicInteger();

    private volatile List<Theme> inJira = List.of();

    private final ThemeJiraStore store = new ThemeJiraStore() {
        @Override
        public ThemeCatalog catalog(JiraClient jira) {
            reads.incrementAndGet();
            return new ThemeCatalog(inJira);
        }
    };

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));

    private final KeptCatalogs catalogs = new KeptCatalogs(store, clock, Duration.ofMinutes(10));

    private final SiteThemeFacts themes = new SiteThemeFacts(catalogs);

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

    @Test
    void aThemeWriteShowsAtTheNextProgramView() {
        inJira = List.of(theme("Checkout", "2027-Q1"));
        assertThat(themes.of(null, "site", false).names()).containsEntry("t1", "Checkout");

        // a rename and a later end quarter saved through the theme feature
        inJira = List.of(theme("Checkout v2", "2027-Q3"));
        catalogs.forget("site");

        ThemeFacts facts = themes.of(null, "site", false);
        assertThat(facts.names()).containsEntry("t1", "Checkout v2");
        assertThat(facts.ends()).containsEntry("t1", Quarter.parse("2027-Q3").lastDay());
    }

    private static Theme theme(String name, String endQuarter) {
        return new Theme("t1", name, "", ThemeColor.values()[0], ThemeStatus.ACTIVE, Horizon.NOW, Optional.empty(),
                Optional.of(Quarter.parse(endQuarter)), "", Optional.empty(), 0, 1);
    }

}

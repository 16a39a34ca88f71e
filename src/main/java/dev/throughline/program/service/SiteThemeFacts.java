package dev.throughline.program.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.theme.Quarter;
import dev.throughline.theme.Theme;
import dev.throughline.theme.ThemeCatalogReader;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Theme end dates (for conflicts) and names (for the report's theme rows), from one
 * catalog read, kept per site for the site's rollup cache time: a warm view (the cached
 * rollup dropped by an issue event) then asks Jira nothing for them, and a theme changed
 * in the catalog shows within the cache time, as it does in a cached rollup. Refresh
 * reads the catalog again.
 */
final class SiteThemeFacts {

    private record Read(ThemeFacts facts, Instant at) {
    }

    private final ThemeCatalogReader themes;

    private final Clock clock;

    private final SiteTtl siteTtl;

    private final Map<String, Read> bySite = new ConcurrentHashMap<>();

    SiteThemeFacts(ThemeCatalogReader themes, Clock clock, SiteTtl siteTtl) {
        this.themes = themes;
        this.clock = clock;
        this.siteTtl = siteTtl;
    }

    ThemeFacts of(JiraClient client, String clientKey, boolean refresh) {
        Instant now = clock.instant();
        Read kept = bySite.get(clientKey);
        if (!refresh && kept != null && kept.at().plus(siteTtl.of(clientKey)).isAfter(now) && !kept.at().isAfter(now)) {
            return kept.facts();
        }
        ThemeFacts facts = read(client);
        bySite.put(clientKey, new Read(facts, now));
        return facts;
    }

    private ThemeFacts read(JiraClient client) {
        Map<String, LocalDate> ends = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Theme theme : themes.catalog(client).themes()) {
            theme.endQuarter().map(Quarter::lastDay).ifPresent(end -> ends.put(theme.id(), end));
            names.put(theme.id(), theme.name());
        }
        return new ThemeFacts(ends, names);
    }

}

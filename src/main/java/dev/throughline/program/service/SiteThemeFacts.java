package dev.throughline.program.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.theme.Quarter;
import dev.throughline.theme.Theme;
import dev.throughline.theme.ThemeCatalogReader;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Theme end dates (for conflicts) and names (for the report's theme rows), from the theme
 * feature's one kept catalog ({@link ThemeCatalogReader}): a warm view (the cached rollup
 * dropped by an issue event) asks Jira nothing for them, and a theme renamed or given
 * another end quarter through Throughline shows at the next view on every instance, as
 * the theme pages show it. Refresh reads the catalog again.
 */
final class SiteThemeFacts {

    private final ThemeCatalogReader themes;

    SiteThemeFacts(ThemeCatalogReader themes) {
        this.themes = themes;
    }

    ThemeFacts of(JiraClient client, String clientKey, boolean refresh) {
        Map<String, LocalDate> ends = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Theme theme : themes.catalog(client, clientKey, refresh).themes()) {
            theme.endQuarter().map(Quarter::lastDay).ifPresent(end -> ends.put(theme.id(), end));
            names.put(theme.id(), theme.name());
        }
        return new ThemeFacts(ends, names);
    }

}

package dev.throughline.theme;

import dev.throughline.jira.JiraClient;

/**
 * What other features may read of the roadmap themes: a site's theme catalog (every theme
 * but its description), from the theme feature's one cache of it, which every theme write
 * drops on every app instance. Features depend on this, never on how themes are stored
 * ({@code theme.store}).
 */
public interface ThemeCatalogReader {

    /**
     * The site's themes, read through that site's client when the kept copy is gone or
     * {@code refresh}.
     */
    ThemeCatalog catalog(JiraClient jira, String siteKey, boolean refresh);

}

package dev.throughline.theme;

import dev.throughline.jira.JiraClient;

/**
 * What other features may read of the roadmap themes: a site's theme catalog (every theme
 * but its description). Features depend on this, never on how themes are stored
 * ({@code theme.store}).
 */
public interface ThemeCatalogReader {

    /** The site's themes, read through that site's client. */
    ThemeCatalog catalog(JiraClient jira);

}

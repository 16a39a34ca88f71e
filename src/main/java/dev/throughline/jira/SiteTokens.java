package dev.throughline.jira;

import dev.throughline.tenant.Site;

import java.util.Optional;

/**
 * Where the Jira client of a site reached with OAuth bearer tokens (a Forge installation)
 * gets its token: only from the invocation being served, never from storage, so a token
 * is used only for the work of the request that brought it. Implemented by the door that
 * receives the tokens (forge/); jira/ knows nothing else about that door.
 */
public interface SiteTokens {

    /**
     * The token to call the site's Jira as the app with, for the current invocation of
     * that site; empty outside one (background work has none and must not wait for one).
     */
    Optional<String> appToken(Site site);

}

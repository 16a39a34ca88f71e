package dev.throughline.jira;

/**
 * A Forge site's Jira was to be called with no token of the current invocation: the call
 * is refused rather than sent without auth.
 */
public class NoSiteTokenException extends RuntimeException {

    public NoSiteTokenException(String siteKey) {
        super("No Forge token for site " + siteKey + " in this invocation; Jira was not called.");
    }

}

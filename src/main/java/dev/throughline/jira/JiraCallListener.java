package dev.throughline.jira;

import dev.throughline.tenant.Site;

/**
 * Hears every answered Jira call of every site (the points ledger); called on the calling
 * thread, so it must be quick.
 */
public interface JiraCallListener {

    JiraCallListener NONE = (site, call) -> {
    };

    void answered(Site site, JiraCall call);

}

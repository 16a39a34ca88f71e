package dev.throughline.settings.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.jira.JiraForbiddenException;
import dev.throughline.jira.JiraGroup;
import dev.throughline.settings.PlanningPermission;
import dev.throughline.settings.Planners;
import dev.throughline.tenant.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Answers {@link PlanningPermission} from the site's settings and Jira. Each answer costs
 * at most the cached settings, one cached permission check and one cached group lookup,
 * each asked only when the cheaper ones said no (a planner named by accountId costs no
 * Jira call at all).
 */
@Service
class JiraPlanningPermission implements PlanningPermission {

    private static final Logger log = LoggerFactory.getLogger(JiraPlanningPermission.class);

    private final JiraClients jira;

    private final SiteSettingsService settings;

    JiraPlanningPermission(JiraClients jira, SiteSettingsService settings) {
        this.jira = jira;
        this.settings = settings;
    }

    @Override
    public boolean canPlan(Caller caller) {
        String accountId = caller.requireAccountId();
        Planners planners = settings.settings(caller.site()).planners();
        if (planners.names(accountId)) {
            return true;
        }
        JiraClient client = jira.forSite(caller.site());
        return client.isAdministrator(accountId) || planners.hasGroups() && inNamedGroup(client, accountId, planners);
    }

    /**
     * Jira answers a user's groups only to an app with the global "Browse users and
     * groups" permission; without it nobody plans through a group (fail closed), and the
     * log says why.
     */
    private static boolean inNamedGroup(JiraClient client, String accountId, Planners planners) {
        try {
            return client.groupsOf(accountId).stream().map(JiraGroup::name).anyMatch(planners::namesGroup);
        }
        catch (JiraForbiddenException refused) {
            log.warn("Jira refused to list a user's groups, so Throughline's planner groups cannot be checked: {}",
                    refused.getMessage());
            return false;
        }
    }

}

package dev.throughline.pacing.web;

import dev.throughline.coordination.PointsBook;
import dev.throughline.jira.JiraClients;
import dev.throughline.pacing.BackgroundBudget;
import dev.throughline.pacing.PointsLedger;
import dev.throughline.problems.NotAllowedException;
import dev.throughline.tenant.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The site's Jira points this hour, by feature, with the quota Jira last reported: for
 * site admins, on the settings page. See README "Jira points".
 */
@RestController
class PointsController {

    private final PointsLedger ledger;

    private final BackgroundBudget budget;

    private final JiraClients jira;

    PointsController(PointsLedger ledger, BackgroundBudget budget, JiraClients jira) {
        this.ledger = ledger;
        this.budget = budget;
        this.jira = jira;
    }

    @GetMapping("/api/settings/points")
    PointsJson points(Caller caller) {
        // asked of Jira here, not through settings/: the read model's reconciliation is
        // paced by pacing/, and settings/ reaches the read model through scoring/
        if (!jira.forSite(caller.site()).isAdministrator(caller.requireAccountId())) {
            throw new NotAllowedException("Only Jira administrators can see the app's Jira points.");
        }
        String siteKey = caller.site().clientKey();
        List<PointsBook.Entry> entries = ledger.thisHour(siteKey);
        Map<String, PointsJson.Feature> byFeature = new TreeMap<>();
        for (PointsBook.Entry entry : entries) {
            byFeature.merge(entry.feature(), new PointsJson.Feature(entry.feature(), entry.user() ? entry.points() : 0,
                    entry.user() ? 0 : entry.points(), entry.calls()), PointsJson.Feature::plus);
        }
        return new PointsJson(PointsLedger.hourOf(ledger.now()).toString(),
                entries.stream().mapToLong(PointsBook.Entry::points).sum(),
                entries.stream().mapToLong(PointsBook.Entry::calls).sum(), List.copyOf(byFeature.values()),
                ledger.quota(siteKey).map(PointsJson.Quota::of).orElse(null),
                jira.rateLimits().quotaStop(siteKey).map(PointsJson.Stop::of).orElse(null),
                budget.share(caller.site()));
    }

}

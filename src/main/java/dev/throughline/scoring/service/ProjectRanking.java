package dev.throughline.scoring.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.scoring.Ranking;
import dev.throughline.scoring.ValueRecord;
import dev.throughline.scoring.store.ScoringJiraStore;
import dev.throughline.tenant.Caller;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An issue's rank among its project's issues scored with the same model, from the read
 * model's facts of the project (no search once it holds the project), and how many stored
 * values it left out because they could not be read.
 */
record ProjectRanking(Ranking ranking, int unreadable) {

    ProjectRanking {
        Objects.requireNonNull(ranking, "ranking");
        if (unreadable < 0) {
            throw new IllegalArgumentException("unreadable counts issues: " + unreadable);
        }
    }

    /**
     * Rank among the project's issues scored with the same model (scores of different
     * models do not compare). The issue's own entry is always {@code value}, whatever the
     * read model held for it: a search may still have found the issue's previous value
     * (or none) right after a write, and {@code value} is what is stored; the read model
     * keeps it from now on.
     */
    static ProjectRanking of(ProjectIssues issues, JiraClient client, Caller caller, String projectKey, JiraIssue issue,
            ValueRecord value) {
        String siteKey = caller.site().clientKey();
        long issueId = Long.parseLong(issue.id());
        List<BigDecimal> scores = new ArrayList<>();
        scores.add(value.score());
        int unreadable = 0;
        for (IssueFacts facts : issues.of(client, siteKey, projectKey)) {
            if (facts.id() == issueId || !facts.valueModel().equals(Optional.of(value.model()))) {
                continue;
            }
            if (!facts.valueReadable()) {
                // values the app cannot read are left out of the ranking, and counted so
                // the panel can say so
                unreadable++;
            }
            else {
                facts.valueScore().ifPresent(scores::add);
            }
        }
        issues.valueSeen(siteKey, issueId, value.score(), value.model());
        return new ProjectRanking(Ranking.of(value.score(), scores), unreadable);
    }

    /** Records written in bulk are held by the read model as written. */
    static void written(ProjectIssues issues, String siteKey, List<ScoringJiraStore.BulkValue> values) {
        values.forEach(v -> issues.valueSeen(siteKey, v.issueId(), v.record().score(), v.record().model()));
    }
}

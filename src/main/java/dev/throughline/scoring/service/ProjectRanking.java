package dev.throughline.scoring.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.Jql;
import dev.throughline.jira.SearchRequest;
import dev.throughline.scoring.Ranking;
import dev.throughline.scoring.StoredValue;
import dev.throughline.scoring.ValueRecord;
import dev.throughline.scoring.ValueRecordCodec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An issue's rank among its project's issues scored with the same model, from one search,
 * and how many stored values that search left out because they could not be read.
 */
record ProjectRanking(Ranking ranking, int unreadable) {

    private static final List<String> VALUE_PROPERTY = List.of(ValueRecordCodec.PROPERTY_KEY);

    ProjectRanking {
        Objects.requireNonNull(ranking, "ranking");
        if (unreadable < 0) {
            throw new IllegalArgumentException("unreadable counts issues: " + unreadable);
        }
    }

    /**
     * Rank among the project's issues scored with the same model (scores of different
     * models do not compare). The issue's own entry is always {@code value}, whatever the
     * search found for it: the search index may still hold the issue's previous value (or
     * none) right after a write, and {@code value} is what is stored.
     */
    static ProjectRanking of(JiraClient client, String projectKey, String issueId, ValueRecord value) {
        Jql jql = Jql.projectIs(projectKey)
            .and(Jql.propertyEquals(ValueRecordCodec.PROPERTY_KEY, "model", value.model()));
        List<BigDecimal> scores = new ArrayList<>();
        scores.add(value.score());
        int[] unreadable = { 0 };
        client.search(new SearchRequest(jql, List.of("id"), VALUE_PROPERTY, SearchRequest.MAX_PAGE_SIZE))
            .filter(issue -> !issue.id().equals(issueId))
            .forEach(issue -> {
                // values the app cannot read are left out of the ranking, and counted so
                // the panel can say so
                StoredValue stored = IssueValueService.decode(issue);
                stored.record().ifPresent(record -> scores.add(record.score()));
                unreadable[0] += stored.unreadable() ? 1 : 0;
            });
        return new ProjectRanking(Ranking.of(value.score(), scores), unreadable[0]);
    }
}

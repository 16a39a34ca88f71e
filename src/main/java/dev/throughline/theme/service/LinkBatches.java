package dev.throughline.theme.service;

import dev.throughline.jira.IssuePropertyUpdate;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraException;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.Jql;
import dev.throughline.jira.PropertyValue;
import dev.throughline.jira.SearchRequest;
import dev.throughline.readmodel.ThemeLinks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writes theme links through Jira's bulk property endpoint, 100 issues a task. Batches
 * run one after another; when one fails the later ones are not sent, and the failed batch
 * is re-read (one search) because Jira may have applied part of it - so the answer says
 * exactly which issues are linked, which are not, and which could not be checked.
 */
final class LinkBatches {

    static final int BATCH = 100;

    /** One issue's new links. */
    record Change(String issueKey, long issueId, ThemeLinks after) {
    }

    private LinkBatches() {
    }

    /**
     * @param written told of each change Jira applied (the read model holds the links at
     * once: the search index may lag, and a property write changes no {@code updated})
     * @param at the links' {@code updatedAt}
     */
    static LinkResult write(JiraClient client, List<Change> changes, Instant at, int skipped,
            List<LinkResult.Failure> failed, int hidden, Consumer<Change> written) {
        List<String> done = new ArrayList<>();
        for (int from = 0; from < changes.size(); from += BATCH) {
            List<Change> batch = changes.subList(from, Math.min(changes.size(), from + BATCH));
            try {
                client.putIssuePropertiesInBulk(batch.stream()
                    .map(change -> new IssuePropertyUpdate(change.issueId(),
                            Map.of(ThemeLinks.PROPERTY_KEY, PropertyValue.ofMap(change.after().toMap(at)))))
                    .toList());
                batch.forEach(change -> {
                    done.add(change.issueKey());
                    written.accept(change);
                });
            }
            catch (JiraException e) {
                return interrupted(client, done, batch, changes.subList(from + batch.size(), changes.size()), skipped,
                        failed, hidden, reason(e), written);
            }
        }
        return new LinkResult(done, skipped, failed, List.of(), List.of(), Optional.empty(), hidden);
    }

    private static LinkResult interrupted(JiraClient client, List<String> done, List<Change> failedBatch,
            List<Change> notSent, int skipped, List<LinkResult.Failure> failed, int hidden, String reason,
            Consumer<Change> written) {
        List<String> linked = new ArrayList<>(done);
        List<String> notLinked = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Optional<Map<String, ThemeLinks>> now = reread(client, failedBatch);
        for (Change change : failedBatch) {
            if (now.isEmpty()) {
                unknown.add(change.issueKey());
            }
            else if (change.after().equals(now.get().get(change.issueKey()))) {
                linked.add(change.issueKey());
                written.accept(change);
            }
            else {
                notLinked.add(change.issueKey());
            }
        }
        notSent.forEach(change -> notLinked.add(change.issueKey()));
        return new LinkResult(linked, skipped, failed, notLinked, unknown, Optional.of(reason), hidden);
    }

    /**
     * The batch's links as Jira holds them now, or empty when Jira cannot be read either.
     */
    private static Optional<Map<String, ThemeLinks>> reread(JiraClient client, List<Change> batch) {
        try {
            Map<String, ThemeLinks> links = new HashMap<>();
            client
                .search(new SearchRequest(Jql.issueKeyIn(batch.stream().map(Change::issueKey).toList()),
                        List.of("project"), List.of(ThemeLinks.PROPERTY_KEY), BATCH))
                .forEach(issue -> links.put(issue.key(), linksOf(issue)));
            return Optional.of(links);
        }
        catch (JiraException e) {
            return Optional.empty();
        }
    }

    static ThemeLinks linksOf(JiraIssue issue) {
        return ThemeLinks.fromMap(issue.property(ThemeLinks.PROPERTY_KEY).map(PropertyValue::asMap));
    }

    /**
     * Jira's own words, else what the client saw (a task's end, a timeout) - never a bare
     * "HTTP 0".
     */
    private static String reason(JiraException e) {
        return e.errorMessages().isEmpty() ? e.getMessage() : String.join("; ", e.errorMessages());
    }

}

package dev.throughline.readmodel.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.Jql;
import dev.throughline.jira.PropertyValue;
import dev.throughline.jira.SearchRequest;
import dev.throughline.readmodel.FactsOf;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFactsStore;

import java.util.ArrayList;
import java.util.List;

/**
 * The reconciliation's search for score records changed where no event reported it (Forge
 * has no property event; a webhook may be lost). Setting a property moves no
 * {@code updated}, and a changed score on an issue that had one leaves
 * {@link PropertyCounts}' counts equal; but the record's own {@code updatedAt} is indexed
 * as a date ({@code valueUpdated}, descriptor and manifest), so one search of the held
 * projects' issues whose record changed since the last reconciliation (with the overlap),
 * ids and the property only, finds them: 1 point when nothing changed, 1 more per issue
 * and per page of 100. Theme links carry no date and are only counted.
 */
final class PropertyDates {

    /**
     * The descriptor's and manifest's alias of {@code throughline.value}'s
     * {@code updatedAt}.
     */
    static final String VALUE_UPDATED = "valueUpdated";

    private PropertyDates() {
    }

    /**
     * Applies the records changed in the last {@code minutes} to the held issues.
     * @return how many held issues changed
     */
    static int apply(JiraClient client, IssueFactsStore store, String siteKey, List<String> held, long minutes) {
        Jql changed = Jql.projectIn(held).and(Jql.inLastMinutes(VALUE_UPDATED, minutes));
        List<IssueFacts> applied = new ArrayList<>();
        client.search(new SearchRequest(changed, List.of(), List.of(FactsOf.VALUE_PROPERTY), 100))
            .forEach((JiraIssue issue) -> store.byId(siteKey, Long.parseLong(issue.id()))
                .flatMap(facts -> FactsOf
                    .withProperty(facts, FactsOf.VALUE_PROPERTY,
                            issue.property(FactsOf.VALUE_PROPERTY)
                                .filter(PropertyValue::isObject)
                                .map(PropertyValue::asMap))
                    .filter(after -> !after.equals(facts)))
                .ifPresent(applied::add));
        if (!applied.isEmpty()) {
            store.upsert(siteKey, applied);
        }
        return applied.size();
    }

}

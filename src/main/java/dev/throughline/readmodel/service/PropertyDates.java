package dev.throughline.readmodel.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.Jql;
import dev.throughline.jira.PropertyValue;
import dev.throughline.jira.SearchRequest;
import dev.throughline.readmodel.FactsOf;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.ThemeLinks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reconciliation's search for score records and theme links changed where no event
 * reported it (Forge has no property event; a webhook may be lost). Setting a property
 * moves no {@code updated}, and a changed value on an issue that had one leaves
 * {@link PropertyCounts}' counts equal; but both records carry their own
 * {@code updatedAt}, indexed as a date ({@code valueUpdated}, {@code themesUpdated};
 * descriptor and manifest), so one search of the held projects' issues whose score or
 * links changed since the last reconciliation (with the overlap), ids and the two
 * properties only, finds them: 1 point when nothing changed, 1 more per issue and per
 * page of 100. Theme links written before they carried a date are only counted.
 */
final class PropertyDates {

    /**
     * The descriptor's and manifest's alias of {@code throughline.value}'s
     * {@code updatedAt}.
     */
    static final String VALUE_UPDATED = "valueUpdated";

    /** The same for {@code throughline.themes}' {@code updatedAt}. */
    static final String THEMES_UPDATED = "themesUpdated";

    private static final List<String> DATED = List.of(FactsOf.VALUE_PROPERTY, ThemeLinks.PROPERTY_KEY);

    private PropertyDates() {
    }

    /**
     * Applies the records changed in the last {@code minutes} to the held issues.
     * @return how many held issues changed
     */
    static int apply(JiraClient client, IssueFactsStore store, String siteKey, List<String> held, long minutes) {
        Jql changed = Jql.projectIn(held).and(Jql.inLastMinutes(minutes, VALUE_UPDATED, THEMES_UPDATED));
        List<IssueFacts> applied = new ArrayList<>();
        client.search(new SearchRequest(changed, List.of(), DATED, 100))
            .forEach((JiraIssue issue) -> store.byId(siteKey, Long.parseLong(issue.id())).ifPresent(facts -> {
                IssueFacts after = withRecords(facts, issue);
                if (!after.equals(facts)) {
                    applied.add(after);
                }
            }));
        if (!applied.isEmpty()) {
            store.upsert(siteKey, applied);
        }
        return applied.size();
    }

    /** Both records as the search read them (a missing one is cleared, as a deletion). */
    private static IssueFacts withRecords(IssueFacts facts, JiraIssue issue) {
        IssueFacts after = facts;
        for (String key : DATED) {
            Optional<Map<String, Object>> value = issue.property(key)
                .filter(PropertyValue::isObject)
                .map(PropertyValue::asMap);
            after = FactsOf.withProperty(after, key, value).orElse(after);
        }
        return after;
    }

}

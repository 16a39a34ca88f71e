package dev.throughline.readmodel.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.Jql;
import dev.throughline.readmodel.FactsOf;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.ThemeLinks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The reconciliation's check of Throughline's issue properties where no event reports
 * their writes (Forge has no property event; a Connect webhook may be lost): per
 * property, Jira's approximate count of the held projects' issues that have it (one
 * count, 1 point) against the issues the read model holds with it. Only where they differ
 * are those issues read again with their facts (1 point each, and a page), and the
 * property is cleared on held issues Jira no longer finds with it. A changed value of an
 * issue that had one already leaves the counts equal: a score is found by its record's
 * indexed date ({@link PropertyDates}); a theme link, which carries no date, at the
 * issue's next update or full read.
 */
final class PropertyCounts {

    private record Kept(String propertyKey, String path, Predicate<IssueFacts> held) {
    }

    private static final List<Kept> KEPT = List.of(
            new Kept(FactsOf.VALUE_PROPERTY, "score", f -> f.valueScore().isPresent()),
            new Kept(ThemeLinks.PROPERTY_KEY, "themeIds", f -> !f.themeIds().isEmpty()));

    private PropertyCounts() {
    }

    /**
     * @return how many issues were read again
     */
    static int repair(JiraClient client, IssueSync sync, String siteKey, List<String> held,
            Optional<String> pointsField) {
        IssueFactsStore store = sync.store();
        int read = 0;
        for (Kept kept : KEPT) {
            Jql having = Jql.projectIn(held).and(Jql.propertyIsNotEmpty(kept.propertyKey(), kept.path()));
            List<IssueFacts> holders = new ArrayList<>();
            store.forEach(siteKey, held, f -> {
                if (kept.held().test(f)) {
                    holders.add(f);
                }
            });
            if (client.approximateCount(having) == holders.size()) {
                continue;
            }
            Set<Long> found = sync.readChanged(client, siteKey, having, pointsField, held);
            read += found.size();
            store.upsert(siteKey,
                    holders.stream()
                        .filter(f -> !found.contains(f.id()))
                        .map(f -> FactsOf.withProperty(f, kept.propertyKey(), Optional.empty()).orElseThrow())
                        .toList());
        }
        return read;
    }

}

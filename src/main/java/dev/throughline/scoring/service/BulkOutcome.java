package dev.throughline.scoring.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraException;
import dev.throughline.jira.JiraIssue;
import dev.throughline.scoring.ValueRecord;
import dev.throughline.scoring.ValueRecordCodec;
import dev.throughline.scoring.store.ScoringJiraStore;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a bulk write that Jira accepted but did not report complete really wrote. Jira's
 * bulk property task is not transactional, so its failure (or a failure to follow it)
 * says nothing about any one issue: one search for the keys re-reads the stored values,
 * and an issue counts as written when it holds exactly the record sent.
 */
final class BulkOutcome {

    private BulkOutcome() {
    }

    /** {@code writes} and {@code sent} in the same order, one record per issue. */
    static List<BulkValueResult.Item> reread(JiraClient client, List<ValueWrite> writes,
            List<ScoringJiraStore.BulkValue> sent) {
        List<String> keys = writes.stream().map(ValueWrite::issueKey).toList();
        Map<String, JiraIssue> stored;
        try {
            stored = KeySearch.findAll(client, keys, List.of("id"), List.of(ValueRecordCodec.PROPERTY_KEY));
        }
        catch (JiraException e) {
            stored = null;
        }
        List<BulkValueResult.Item> items = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            String key = keys.get(i);
            ValueRecord record = sent.get(i).record();
            if (stored == null) {
                items.add(new BulkValueResult.Item(key, BulkValueResult.Outcome.UNKNOWN,
                        "Jira could not be re-read; reload " + key + " to see whether it was written",
                        Optional.empty()));
                continue;
            }
            Optional<ValueRecord> now = Optional.ofNullable(stored.get(key))
                .flatMap(issue -> IssueValueService.decode(issue).record());
            boolean written = now
                .filter(value -> value.version() == record.version() && value.updatedBy().equals(record.updatedBy())
                // stored to the second (Jira's indexed date format)
                        && value.updatedAt().equals(record.updatedAt().truncatedTo(ChronoUnit.SECONDS)))
                .isPresent();
            items.add(new BulkValueResult.Item(key,
                    written ? BulkValueResult.Outcome.WRITTEN : BulkValueResult.Outcome.NOT_WRITTEN,
                    written ? "written" : "not written", now));
        }
        return items;
    }

}

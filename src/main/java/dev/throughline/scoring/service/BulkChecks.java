package dev.throughline.scoring.service;

import dev.throughline.jira.JiraIssue;
import dev.throughline.scoring.StoredValue;
import dev.throughline.scoring.ValueRecord;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of each item of a bulk write before anything is written: found, editable,
 * still at its version.
 */
final class BulkChecks {

    private BulkChecks() {
    }

    static BulkValueResult.Item check(ValueWrite write, JiraIssue issue, Set<Long> editable, Set<Long> browsable) {
        if (issue == null || !browsable.contains(issue.fields().projectId().orElse(-1L))) {
            return item(write, BulkValueResult.Outcome.NOT_FOUND, "No issue " + write.issueKey() + " that you can see",
                    Optional.empty());
        }
        StoredValue current = IssueValueService.decode(issue);
        if (!editable.contains(Long.valueOf(issue.id()))) {
            return item(write, BulkValueResult.Outcome.FORBIDDEN, "You cannot edit " + write.issueKey() + " in Jira",
                    current.record());
        }
        if (!current.accepts(write.version())) {
            return item(write, BulkValueResult.Outcome.STALE, "Changed by someone else; reload " + write.issueKey(),
                    current.record());
        }
        return item(write, BulkValueResult.Outcome.READY, "ready", current.record());
    }

    private static BulkValueResult.Item item(ValueWrite write, BulkValueResult.Outcome outcome, String message,
            Optional<ValueRecord> value) {
        return new BulkValueResult.Item(write.issueKey(), outcome, message, value);
    }

    static Optional<BulkValueResult.Outcome> firstFailure(List<BulkValueResult.Item> items) {
        for (BulkValueResult.Outcome outcome : List.of(BulkValueResult.Outcome.NOT_FOUND,
                BulkValueResult.Outcome.FORBIDDEN, BulkValueResult.Outcome.STALE)) {
            if (items.stream().anyMatch(item -> item.outcome() == outcome)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }

}

package dev.throughline.scoring.service;

import dev.throughline.jira.JiraIssue;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.scoring.InputParser;
import dev.throughline.scoring.ModelCatalog;
import dev.throughline.scoring.ScoreInputs;
import dev.throughline.scoring.ScoringModel;
import dev.throughline.scoring.StoredValue;
import dev.throughline.scoring.ValueRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Each write's inputs checked against its model, before any issue is read from Jira;
     * every problem named by item ({@code items[2].inputs.reach}), a key given twice
     * refused.
     */
    static Map<String, ScoreInputs> inputsOf(ModelCatalog catalog, List<ValueWrite> writes) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, ScoreInputs> checked = new LinkedHashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            ValueWrite write = writes.get(i);
            String at = "items[" + i + "].";
            if (checked.containsKey(write.issueKey())) {
                errors.add(new FieldError(at + "issueKey", write.issueKey() + " appears twice"));
                continue;
            }
            try {
                ScoringModel model = catalog.require(write.model());
                checked.put(write.issueKey(), InputParser.parse(model, write.inputs()));
            }
            catch (InvalidInputException e) {
                e.errors().forEach(error -> errors.add(new FieldError(at + error.field(), error.message())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return checked;
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

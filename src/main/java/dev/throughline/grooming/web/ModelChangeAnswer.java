package dev.throughline.grooming.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import dev.throughline.scoring.ValueRecord;
import dev.throughline.scoring.service.BulkValueResult;
import dev.throughline.web.PartialAnswer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code POST /api/boards/{boardId}/model}: all written or none, each issue's outcome;
 * after a Jira task that failed part way, the shared partial fields
 * ({@link PartialAnswer}) beside them.
 */
record ModelChangeAnswer(boolean written, String model, String message, List<Result> results,
        @JsonAnyGetter Map<String, Object> partialFields) {

    /**
     * One issue: its outcome and, when it has one, its value now (version 0 when none).
     */
    record Result(String issueKey, String outcome, String message, String model, BigDecimal score, long version) {
    }

    static ModelChangeAnswer of(String model, BulkValueResult result) {
        boolean partial = result.jiraReason().isPresent() && !result.written();
        String message = partial ? result.afterFailedTaskMessage()
                : result.written() ? result.items().size() + " issue(s) now scored with " + model + "."
                        : "Nothing was written: " + result.items()
                            .stream()
                            .filter(i -> i.outcome() == result.failure())
                            .map(BulkValueResult.Item::message)
                            .collect(Collectors.joining("; ")) + ".";
        Map<String, Object> partialFields = partial ? PartialAnswer.fields(result.keys(BulkValueResult.Outcome.WRITTEN),
                result.keys(BulkValueResult.Outcome.NOT_WRITTEN), result.keys(BulkValueResult.Outcome.UNKNOWN),
                result.jiraReason().get()) : Map.of();
        List<Result> results = result.items()
            .stream()
            .map(item -> new Result(item.issueKey(), item.outcome().name(), item.message(),
                    item.value().map(ValueRecord::model).orElse(null),
                    item.value().map(ValueRecord::score).orElse(null),
                    item.value().map(ValueRecord::version).orElse(0L)))
            .toList();
        return new ModelChangeAnswer(result.written(), model, message, results, partialFields);
    }
}

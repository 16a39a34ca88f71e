package dev.throughline.scoring.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.throughline.problems.FieldError;
import dev.throughline.scoring.Breakdown;
import dev.throughline.scoring.HistoryEntry;
import dev.throughline.scoring.InputSpec;
import dev.throughline.scoring.Quadrant;
import dev.throughline.scoring.Ranking;
import dev.throughline.scoring.Score;
import dev.throughline.scoring.ScoringModel;
import dev.throughline.scoring.ValueRecord;
import dev.throughline.scoring.ValueRecordCodec;
import dev.throughline.scoring.service.BulkValueResult;
import dev.throughline.scoring.service.IssueValueView;
import dev.throughline.web.PartialAnswer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON answers of the scoring API as records, built from domain values (pinned by
 * {@code ScoringJsonPinTest}). Absent values are JSON nulls, as the panel expects, except
 * where a record says otherwise.
 */
final class ValueJson {

    private ValueJson() {
    }

    /**
     * {@code GET/PUT /api/issues/{key}/value}; {@code note} only when a save has
     * something to say.
     */
    record IssueValue(String issueKey, String issueId, String projectKey, boolean editable, Value value,
            String modelName, BreakdownJson breakdown, QuadrantJson quadrant, Integer rank, Integer rankOf,
            Integer percentile, String rankedAmong, String defaultModel, boolean needsRescore, boolean unreadable,
            String unreadableNote, int unreadableLeftOut, @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

        static IssueValue of(IssueValueView view) {
            return new IssueValue(view.issueKey(), String.valueOf(view.issueId()), view.projectKey(), view.editable(),
                    view.value().map(Value::of).orElse(null), view.modelName().orElse(null),
                    view.evaluation().map(score -> BreakdownJson.of(score.breakdown())).orElse(null),
                    view.evaluation().flatMap(Score::quadrant).map(QuadrantJson::of).orElse(null),
                    view.ranking().map(Ranking::rank).orElse(null), view.ranking().map(Ranking::of).orElse(null),
                    view.ranking().map(Ranking::percentile).orElse(null),
                    view.value()
                        .map(v -> view.modelName().orElse(v.model()) + "-scored issues in " + view.projectKey())
                        .orElse(null),
                    view.defaultModel().orElse(null), view.needsRescore(), view.unreadableNote().isPresent(),
                    view.unreadableNote().orElse(null), view.unreadableRanked(), view.note().orElse(null));
        }
    }

    /**
     * The stored record as the property holds it, with each history entry's previous
     * score.
     */
    record Value(String model, int modelVersion, Map<String, BigDecimal> inputs, BigDecimal score, String updatedAt,
            String updatedBy, long version, List<History> history) {

        static Value of(ValueRecord record) {
            return new Value(record.model(), record.modelVersion(), record.inputs(), record.score(),
                    ValueRecordCodec.format(record.updatedAt()), record.updatedBy(), record.version(),
                    History.of(record.history()));
        }
    }

    /**
     * Newest first, each with the score it replaced, so the panel can say "old → new".
     */
    record History(String at, String by, String model, int modelVersion, Map<String, BigDecimal> inputs,
            BigDecimal score, BigDecimal previousScore) {

        static List<History> of(List<HistoryEntry> entries) {
            List<History> json = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                HistoryEntry entry = entries.get(i);
                json.add(new History(entry.at().toString(), entry.by(), entry.model(), entry.modelVersion(),
                        entry.inputs(), entry.score(), i + 1 < entries.size() ? entries.get(i + 1).score() : null));
            }
            return json;
        }
    }

    /** {@code POST /api/scoring/evaluate} of inputs that fit the model. */
    record Evaluated(BigDecimal score, BreakdownJson breakdown, QuadrantJson quadrant, boolean valid) {

        static Evaluated of(Score score) {
            return new Evaluated(score.value(), BreakdownJson.of(score.breakdown()),
                    score.quadrant().map(QuadrantJson::of).orElse(null), true);
        }
    }

    /**
     * {@code POST /api/scoring/evaluate} of a draft: not an error, the fields it still
     * gets wrong.
     */
    record Invalid(boolean valid, List<FieldError> errors) {
    }

    record BreakdownJson(String formula, List<TermJson> terms) {

        static BreakdownJson of(Breakdown breakdown) {
            return new BreakdownJson(breakdown.formula(),
                    breakdown.terms()
                        .stream()
                        .map(t -> new TermJson(t.key(), t.label(), t.value(), t.role().name(), t.contribution()))
                        .toList());
        }
    }

    record TermJson(String key, String label, BigDecimal value, String role, BigDecimal contribution) {
    }

    record QuadrantJson(String key, String label) {

        static QuadrantJson of(Quadrant quadrant) {
            return new QuadrantJson(quadrant.name(), quadrant.label());
        }
    }

    /** {@code GET /api/scoring/models}. */
    record Models(List<Model> models) {
    }

    record Model(String id, String name, int version, boolean custom, List<Input> inputs) {

        static Model of(ScoringModel model) {
            return new Model(model.id(), model.name(), model.version(), model.id().startsWith("scorecard:"),
                    model.inputs().stream().map(Input::of).toList());
        }
    }

    record Input(String key, String label, String unit, BigDecimal min, boolean minExclusive, BigDecimal max,
            List<BigDecimal> allowed, List<BigDecimal> suggested, boolean wholeNumber, String rule) {

        static Input of(InputSpec spec) {
            return new Input(spec.key(), spec.label(), spec.unit(), spec.min(), spec.minExclusive(), spec.upperLimit(),
                    spec.allowed(), spec.suggested(), spec.wholeNumber(), spec.rangeText());
        }
    }

    /** {@code PUT /api/projects/{key}/scoring}. */
    record DefaultModel(String projectKey, String defaultModel) {
    }

    /**
     * {@code POST /api/value/bulk}: {@code written} and each item's outcome; after a Jira
     * task that did not complete, also the partial-answer fields and a message in plain
     * words.
     */
    record Bulk(boolean written, @JsonAnyGetter Map<String, Object> partial, List<BulkItem> results) {

        static Bulk of(BulkValueResult result) {
            Map<String, Object> partial = new LinkedHashMap<>();
            if (result.jiraReason().isPresent() && !result.written()) {
                partial.putAll(PartialAnswer.fields(result.keys(BulkValueResult.Outcome.WRITTEN),
                        result.keys(BulkValueResult.Outcome.NOT_WRITTEN), result.keys(BulkValueResult.Outcome.UNKNOWN),
                        result.jiraReason().get()));
                partial.put("message", result.afterFailedTaskMessage());
            }
            return new Bulk(result.written(), partial,
                    result.items()
                        .stream()
                        .map(item -> new BulkItem(item.issueKey(), item.outcome().name(), item.message(),
                                item.value().map(Value::of).orElse(null)))
                        .toList());
        }
    }

    /**
     * {@code GET /api/people/names}: accountId to display name (the id where none was
     * read).
     */
    record Names(Map<String, String> names) {
    }

    record BulkItem(String issueKey, String outcome, String message, Value value) {
    }

}

package dev.throughline.scoring.web;

import dev.throughline.scoring.Breakdown;
import dev.throughline.scoring.HistoryEntry;
import dev.throughline.scoring.InputSpec;
import dev.throughline.scoring.Ranking;
import dev.throughline.scoring.Score;
import dev.throughline.scoring.ScoringModel;
import dev.throughline.scoring.ValueRecord;
import dev.throughline.scoring.ValueRecordCodec;
import dev.throughline.scoring.service.IssueValueView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the scoring API, built from domain values. */
final class ValueJson {

    private ValueJson() {
    }

    static Map<String, Object> view(IssueValueView view) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("issueKey", view.issueKey());
        json.put("issueId", String.valueOf(view.issueId()));
        json.put("projectKey", view.projectKey());
        json.put("editable", view.editable());
        json.put("value", view.value().map(ValueJson::value).orElse(null));
        json.put("modelName", view.modelName().orElse(null));
        json.put("breakdown", view.evaluation().map(score -> breakdown(score.breakdown())).orElse(null));
        json.put("quadrant", view.evaluation().flatMap(Score::quadrant).map(q -> Map.of("key", q.name(), "label", q.label())).orElse(null));
        json.put("rank", view.ranking().map(Ranking::rank).orElse(null));
        json.put("rankOf", view.ranking().map(Ranking::of).orElse(null));
        json.put("percentile", view.ranking().map(Ranking::percentile).orElse(null));
        json.put("rankedAmong", view.value().map(v -> v.model() + "-scored issues in " + view.projectKey()).orElse(null));
        json.put("defaultModel", view.defaultModel().orElse(null));
        json.put("needsRescore", view.needsRescore());
        json.put("unreadable", view.unreadableNote().isPresent());
        json.put("unreadableNote", view.unreadableNote().orElse(null));
        json.put("unreadableLeftOut", view.unreadableRanked());
        view.note().ifPresent(note -> json.put("note", note));
        return json;
    }

    static Map<String, Object> value(ValueRecord record) {
        Map<String, Object> json = ValueRecordCodec.toMap(record);
        json.put("history", history(record.history()));
        return json;
    }

    /** Newest first, each with the score it replaced, so the panel can say "old → new". */
    private static List<Map<String, Object>> history(List<HistoryEntry> entries) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            HistoryEntry entry = entries.get(i);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("at", entry.at().toString());
            item.put("by", entry.by());
            item.put("model", entry.model());
            item.put("modelVersion", entry.modelVersion());
            item.put("inputs", entry.inputs());
            item.put("score", entry.score());
            item.put("previousScore", i + 1 < entries.size() ? entries.get(i + 1).score() : null);
            json.add(item);
        }
        return json;
    }

    static Map<String, Object> score(Score score) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("score", score.value());
        json.put("breakdown", breakdown(score.breakdown()));
        json.put("quadrant", score.quadrant().map(q -> Map.of("key", q.name(), "label", q.label())).orElse(null));
        return json;
    }

    static Map<String, Object> breakdown(Breakdown breakdown) {
        return Map.of("formula", breakdown.formula(), "terms", breakdown.terms().stream().map(term -> Map.of(
                "key", term.key(), "label", term.label(), "value", term.value(),
                "role", term.role().name(), "contribution", term.contribution())).toList());
    }

    static Map<String, Object> model(ScoringModel model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", model.id());
        json.put("name", model.name());
        json.put("version", model.version());
        json.put("custom", model.id().startsWith("scorecard:"));
        json.put("inputs", model.inputs().stream().map(ValueJson::input).toList());
        return json;
    }

    private static Map<String, Object> input(InputSpec spec) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", spec.key());
        json.put("label", spec.label());
        json.put("unit", spec.unit());
        json.put("min", spec.min());
        json.put("minExclusive", spec.minExclusive());
        json.put("max", spec.max());
        json.put("allowed", spec.allowed());
        json.put("suggested", spec.suggested());
        json.put("wholeNumber", spec.wholeNumber());
        json.put("rule", spec.rangeText());
        return json;
    }

}

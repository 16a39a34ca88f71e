package dev.throughline.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stored plans ↔ the JSON objects kept in Jira app properties. */
public final class StoredPlanCodec {

    private StoredPlanCodec() {
    }

    public static Map<String, Object> toMap(StoredPlan plan) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", plan.id());
        map.put("programId", plan.programId());
        map.put("name", plan.name());
        map.put("quarters", plan.quarters());
        map.put("discount", plan.discount());
        map.put("confidenceThreshold", plan.threshold());
        map.put("capacity", plan.capacity());
        map.put("commitments", plan.commitments());
        map.put("exclusions", plan.exclusions());
        List<Map<String, Object>> scenarios = new ArrayList<>();
        for (StoredPlan.Scenario scenario : plan.scenarios()) {
            List<Map<String, Object>> changes = new ArrayList<>();
            for (StoredPlan.Change change : scenario.changes()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("type", change.type());
                c.put("team", change.team());
                c.put("period", change.period());
                c.put("capacity", change.capacity());
                c.put("key", change.key());
                c.put("summary", change.summary());
                c.put("value", change.value());
                c.put("effort", change.effort());
                c.put("discount", change.discount());
                c.values().removeIf(v -> v == null);
                changes.add(c);
            }
            scenarios.add(Map.of("name", scenario.name(), "changes", changes));
        }
        map.put("scenarios", scenarios);
        map.put("version", plan.version());
        if (plan.model() != null) {
            map.put("model", plan.model());
        }
        if (!plan.conversions().isEmpty()) {
            map.put("conversions",
                    plan.conversions().stream().map(c -> Map.of("from", c.from(), "factor", c.factor())).toList());
        }
        if (!plan.boards().isEmpty()) {
            map.put("boards", plan.boards());
        }
        if (plan.sprints() != null) {
            map.put("sprints", Map.of("board", plan.sprints().board(), "count", plan.sprints().count()));
        }
        return map;
    }

    public static StoredPlan fromMap(Map<String, ?> map) {
        Map<String, Map<String, Double>> capacity = new LinkedHashMap<>();
        ((Map<?, ?>) map.get("capacity")).forEach((team, byQuarter) -> {
            Map<String, Double> quarters = new LinkedHashMap<>();
            ((Map<?, ?>) byQuarter).forEach((q, c) -> quarters.put((String) q, ((Number) c).doubleValue()));
            capacity.put((String) team, quarters);
        });
        Map<String, String> commitments = new LinkedHashMap<>();
        ((Map<?, ?>) map.get("commitments")).forEach((k, p) -> commitments.put((String) k, (String) p));
        List<String> exclusions = new ArrayList<>();
        ((List<?>) map.get("exclusions")).forEach(k -> exclusions.add((String) k));
        List<StoredPlan.Scenario> scenarios = new ArrayList<>();
        for (Object s : (List<?>) map.get("scenarios")) {
            Map<?, ?> scenario = (Map<?, ?>) s;
            List<StoredPlan.Change> changes = new ArrayList<>();
            for (Object c : (List<?>) scenario.get("changes")) {
                Map<?, ?> change = (Map<?, ?>) c;
                changes.add(new StoredPlan.Change((String) change.get("type"), (String) change.get("team"),
                        (String) change.get("period"), number(change.get("capacity")), (String) change.get("key"),
                        (String) change.get("summary"), number(change.get("value")), number(change.get("effort")),
                        number(change.get("discount"))));
            }
            scenarios.add(new StoredPlan.Scenario((String) scenario.get("name"), changes));
        }
        return new StoredPlan((String) map.get("id"), (String) map.get("programId"), (String) map.get("name"),
                ((Number) map.get("quarters")).intValue(), ((Number) map.get("discount")).doubleValue(),
                ((Number) map.get("confidenceThreshold")).doubleValue(), capacity, commitments, exclusions, scenarios,
                ((Number) map.get("version")).longValue(), (String) map.get("model"),
                conversions(map.get("conversions")), boards(map.get("boards")), sprints(map.get("sprints")));
    }

    private static SprintHorizon sprints(Object stored) {
        return stored instanceof Map<?, ?> sprints ? new SprintHorizon(((Number) sprints.get("board")).longValue(),
                ((Number) sprints.get("count")).intValue()) : null;
    }

    private static List<Long> boards(Object stored) {
        List<Long> boards = new ArrayList<>();
        if (stored instanceof List<?> list) {
            list.forEach(b -> boards.add(((Number) b).longValue()));
        }
        return boards;
    }

    private static List<StoredPlan.Conversion> conversions(Object stored) {
        List<StoredPlan.Conversion> conversions = new ArrayList<>();
        if (stored instanceof List<?> list) {
            for (Object c : list) {
                Map<?, ?> conversion = (Map<?, ?>) c;
                conversions.add(new StoredPlan.Conversion((String) conversion.get("from"),
                        ((Number) conversion.get("factor")).doubleValue()));
            }
        }
        return conversions;
    }

    public static Map<String, Object> toIndexMap(PlanSummary plan) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", plan.id());
        map.put("programId", plan.programId());
        map.put("name", plan.name());
        map.put("version", plan.version());
        return map;
    }

    public static PlanSummary summaryFromMap(Map<String, ?> map) {
        return new PlanSummary((String) map.get("id"), (String) map.get("programId"), (String) map.get("name"),
                ((Number) map.get("version")).longValue());
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

}

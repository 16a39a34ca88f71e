package dev.throughline.scoring;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ScoringSettings} ↔ the JSON object of the {@code throughline.scoring} app
 * property.
 */
public final class ScoringSettingsCodec {

    public static final String PROPERTY_KEY = "throughline.scoring";

    private ScoringSettingsCodec() {
    }

    public static Map<String, Object> toMap(ScoringSettings settings) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("quadrant", Map.of("value", settings.thresholds().value(), "effort", settings.thresholds().effort()));
        map.put("scorecards", settings.scorecards().stream().map(ScoringSettingsCodec::scorecardToMap).toList());
        return map;
    }

    public static Map<String, Object> scorecardToMap(Scorecard card) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", card.id());
        map.put("name", card.name());
        map.put("version", card.version());
        map.put("form", card.form().name());
        map.put("criteria", card.criteria().stream().map(c -> {
            Map<String, Object> criterion = new LinkedHashMap<>();
            criterion.put("key", c.key());
            criterion.put("name", c.name());
            criterion.put("weight", c.weight());
            criterion.put("min", c.min());
            criterion.put("max", c.max());
            criterion.put("kind", c.kind().name());
            return criterion;
        }).toList());
        return map;
    }

    public static ScoringSettings fromMap(Map<String, ?> map) {
        QuadrantThresholds thresholds = QuadrantThresholds.DEFAULT;
        if (map.get("quadrant") instanceof Map<?, ?> quadrant) {
            thresholds = new QuadrantThresholds(decimal(quadrant.get("value")), decimal(quadrant.get("effort")));
        }
        List<Scorecard> cards = map.get("scorecards") instanceof List<?> list
                ? list.stream().map(entry -> scorecardFromMap((Map<?, ?>) entry)).toList() : List.of();
        return new ScoringSettings(thresholds, cards);
    }

    private static Scorecard scorecardFromMap(Map<?, ?> map) {
        List<Criterion> criteria = ((List<?>) map.get("criteria")).stream().map(entry -> {
            Map<?, ?> c = (Map<?, ?>) entry;
            return new Criterion((String) c.get("key"), (String) c.get("name"), decimal(c.get("weight")),
                    decimal(c.get("min")), decimal(c.get("max")), Criterion.Kind.valueOf((String) c.get("kind")));
        }).toList();
        return new Scorecard((String) map.get("id"), (String) map.get("name"), ((Number) map.get("version")).intValue(),
                Scorecard.Form.valueOf((String) map.get("form")), criteria);
    }

    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        throw new IllegalArgumentException("stored scoring settings hold no number where one is expected: " + value);
    }

}

package dev.throughline.theme;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Themes ↔ the JSON objects stored in Jira app properties. The full form goes into the
 * theme's own property; the index form (everything but the description) goes into the
 * index, which is what lists and boards read.
 */
public final class ThemeCodec {

    private ThemeCodec() {
    }

    public static Map<String, Object> toMap(Theme theme) {
        Map<String, Object> map = toIndexMap(theme);
        map.put("description", theme.description());
        return map;
    }

    public static Map<String, Object> toIndexMap(Theme theme) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", theme.id());
        map.put("name", theme.name());
        map.put("color", theme.color().name());
        map.put("status", theme.status().name());
        map.put("horizon", theme.horizon().name());
        map.put("startQuarter", theme.startQuarter().map(Quarter::toString).orElse(null));
        map.put("endQuarter", theme.endQuarter().map(Quarter::toString).orElse(null));
        map.put("outcome", theme.outcome());
        map.put("owner", theme.owner().orElse(null));
        map.put("sortOrder", theme.sortOrder());
        map.put("version", theme.version());
        return map;
    }

    public static Theme fromMap(Map<String, ?> map) {
        return new Theme((String) map.get("id"), (String) map.get("name"),
                map.get("description") instanceof String d ? d : "", ThemeColor.valueOf((String) map.get("color")),
                ThemeStatus.valueOf((String) map.get("status")), Horizon.valueOf((String) map.get("horizon")),
                quarter(map.get("startQuarter")), quarter(map.get("endQuarter")),
                map.get("outcome") instanceof String o ? o : "", Optional.ofNullable((String) map.get("owner")),
                ((Number) map.get("sortOrder")).intValue(), ((Number) map.get("version")).longValue());
    }

    private static Optional<Quarter> quarter(Object value) {
        return value instanceof String text ? Optional.of(Quarter.parse(text)) : Optional.empty();
    }

}

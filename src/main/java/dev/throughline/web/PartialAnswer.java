package dev.throughline.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of every answer to a change Jira applied only in part (answered 207
 * Multi-Status), or whose outcome is unknown: {@code partial: true},
 * {@code action: "reread"} (the page reloads what it shows instead of retrying blindly),
 * {@code applied}, {@code notApplied} and {@code unknown} as {@code {count, keys}}, and
 * Jira's {@code reason}. Keys are only ever those of issues the caller named or may
 * browse.
 */
public final class PartialAnswer {

    public static final int STATUS = 207;

    private PartialAnswer() {
    }

    public static Map<String, Object> fields(List<String> applied, List<String> notApplied, List<String> unknown,
            String reason) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("partial", true);
        json.put("action", "reread");
        json.put("applied", counted(applied));
        json.put("notApplied", counted(notApplied));
        json.put("unknown", counted(unknown));
        json.put("reason", reason);
        return json;
    }

    private static Map<String, Object> counted(List<String> keys) {
        return Map.of("count", keys.size(), "keys", List.copyOf(keys));
    }

}

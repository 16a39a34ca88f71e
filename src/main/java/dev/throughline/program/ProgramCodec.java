package dev.throughline.program;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Programs ↔ the JSON objects stored in Jira app properties (the API answers the same
 * fields from {@code web/ProgramJson}).
 */
public final class ProgramCodec {

    private ProgramCodec() {
    }

    public static Map<String, Object> toMap(ProgramDefinition program) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", program.id());
        map.put("name", program.name());
        map.put("projects", program.projects());
        map.put("jql", program.jql().orElse(null));
        map.put("progressBasis", basis(program.progressBasis()));
        map.put("includeSubtasks", program.includeSubtasks());
        map.put("scopeGrowth", program.scopeGrowth());
        map.put("throughputWeeks", program.throughputWeeks());
        map.put("version", program.version());
        return map;
    }

    public static Map<String, Object> toIndexMap(ProgramSummary program) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", program.id());
        map.put("name", program.name());
        map.put("projectCount", program.projectCount());
        map.put("refined", program.refined());
        map.put("progressBasis", basis(program.progressBasis()));
        map.put("includeSubtasks", program.includeSubtasks());
        map.put("throughputWeeks", program.throughputWeeks());
        map.put("version", program.version());
        return map;
    }

    public static ProgramDefinition fromMap(Map<String, ?> map) {
        List<String> projects = new ArrayList<>();
        for (Object key : (List<?>) map.get("projects")) {
            projects.add((String) key);
        }
        return new ProgramDefinition((String) map.get("id"), (String) map.get("name"), projects,
                Optional.ofNullable(map.get("jql") instanceof String j ? j : null),
                ProgressBasis.valueOf(((String) map.get("progressBasis")).toUpperCase(Locale.ROOT)),
                Boolean.TRUE.equals(map.get("includeSubtasks")), Boolean.TRUE.equals(map.get("scopeGrowth")),
                ((Number) map.get("throughputWeeks")).intValue(), ((Number) map.get("version")).longValue());
    }

    public static ProgramSummary summaryFromMap(Map<String, ?> map) {
        return new ProgramSummary((String) map.get("id"), (String) map.get("name"),
                ((Number) map.get("projectCount")).intValue(), Boolean.TRUE.equals(map.get("refined")),
                ProgressBasis.valueOf(((String) map.get("progressBasis")).toUpperCase(Locale.ROOT)),
                Boolean.TRUE.equals(map.get("includeSubtasks")), ((Number) map.get("throughputWeeks")).intValue(),
                ((Number) map.get("version")).longValue());
    }

    static String basis(ProgressBasis basis) {
        return basis.name().toLowerCase(Locale.ROOT);
    }

}

package dev.throughline.program;

import dev.throughline.jira.Jql;
import dev.throughline.problems.BodyFields;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A program as a program manager submits it, checked field by field: every rule broken is
 * reported at once, naming the field, and nothing is stored unless all pass. Absent
 * optional fields take their defaults.
 */
public record ProgramDraft(String name, List<String> projects, Optional<String> jql, ProgressBasis progressBasis,
        boolean includeSubtasks, boolean scopeGrowth, int throughputWeeks, Optional<Long> version) {

    private static final Set<String> FIELDS = Set.of("name", "projects", "jql", "progressBasis", "includeSubtasks",
            "scopeGrowth", "throughputWeeks", "version");

    private static final Pattern ORDER_BY = Pattern.compile("(?i)\\border\\s+by\\b");

    /**
     * {@code versionRequired}: updates must say which version they read; creates must not
     * send one.
     */
    public static ProgramDraft parse(Map<String, ?> body, boolean versionRequired) {
        List<FieldError> errors = new ArrayList<>();
        body.keySet()
            .stream()
            .filter(key -> !FIELDS.contains(key) && !key.equals("id"))
            .sorted()
            .forEach(key -> errors.add(new FieldError(key, "is not a program field")));
        String name = body.get("name") instanceof String text ? text.strip() : null;
        if (name == null || name.isEmpty() || name.length() > ProgramDefinition.MAX_NAME) {
            errors.add(new FieldError("name", "Name must be 1 to " + ProgramDefinition.MAX_NAME + " characters"));
        }
        List<String> projects = projects(body.get("projects"), errors);
        Optional<String> jql = Optional.empty();
        Object jqlValue = body.get("jql");
        if (jqlValue instanceof String text && !text.isBlank()) {
            String trimmed = text.strip();
            if (trimmed.length() > ProgramDefinition.MAX_JQL) {
                errors.add(new FieldError("jql", "JQL must be at most 2,000 characters"));
            }
            else if (hasOrderBy(trimmed)) {
                errors
                    .add(new FieldError("jql", "The refinement is ANDed to each project's search; leave out ORDER BY"));
            }
            else if (Jql.refinementProblem(trimmed).isPresent()) {
                errors.add(new FieldError("jql", Jql.refinementProblem(trimmed).get()));
            }
            else {
                jql = Optional.of(trimmed);
            }
        }
        else if (jqlValue != null && !(jqlValue instanceof String)) {
            errors.add(new FieldError("jql", "must be text"));
        }
        ProgressBasis basis = ProgressBasis.ISSUE_COUNT;
        Object basisValue = body.get("progressBasis");
        if (basisValue != null) {
            try {
                basis = ProgressBasis.valueOf(String.valueOf(basisValue).toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException e) {
                errors.add(new FieldError("progressBasis", "must be one of " + String.join(", ",
                        Arrays.stream(ProgressBasis.values()).map(b -> b.name().toLowerCase(Locale.ROOT)).toList())));
            }
        }
        boolean includeSubtasks = BodyFields.flag(body, "includeSubtasks", errors);
        boolean scopeGrowth = BodyFields.flag(body, "scopeGrowth", errors);
        int weeks = BodyFields.whole(body, "throughputWeeks", 1, ProgramDefinition.MAX_THROUGHPUT_WEEKS, errors)
            .map(Long::intValue)
            .orElse(ProgramDefinition.DEFAULT_THROUGHPUT_WEEKS);
        Optional<Long> version = BodyFields.version(body, versionRequired, "program", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ProgramDraft(name, projects, jql, basis, includeSubtasks, scopeGrowth, weeks, version);
    }

    static boolean hasOrderBy(String jql) {
        return ORDER_BY.matcher(jql).find();
    }

    private static List<String> projects(Object value, List<FieldError> errors) {
        if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > ProgramDefinition.MAX_PROJECTS) {
            errors.add(new FieldError("projects", "Choose 1 to " + ProgramDefinition.MAX_PROJECTS + " projects"));
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Object key = list.get(i);
            if (key instanceof String text && ProgramDefinition.PROJECT_KEY.matcher(text.strip()).matches()) {
                keys.add(text.strip()); // a key listed twice is kept once
            }
            else {
                errors.add(new FieldError("projects[" + i + "]",
                        "must be a project key such as WEB (upper-case letters, digits, _; at most "
                                + ProgramDefinition.MAX_PROJECT_KEY + ")"));
            }
        }
        return List.copyOf(keys);
    }
}

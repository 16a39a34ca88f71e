package dev.throughline.theme;

import dev.throughline.jira.Jql;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.problems.JiraKeys;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The issues a link or unlink asks for: a user's JQL or a list of issue keys, as JQL.
 *
 * @param jql the selection
 * @param field the request field it came from ({@code jql} or {@code issueKeys}), named
 * when Jira refuses the selection
 */
public record LinkSelection(Jql jql, String field) {

    /** At most this many issues are linked or unlinked at once. */
    public static final int MAX_ISSUES = 1_000;

    public LinkSelection {
        Objects.requireNonNull(jql, "jql");
        if (!field.equals("jql") && !field.equals("issueKeys")) {
            throw new IllegalArgumentException("field must be jql or issueKeys: " + field);
        }
    }

    /**
     * {@code {jql}} or {@code {issueKeys}} (1 to 1,000), exactly one of them; each broken
     * rule names its field.
     */
    public static LinkSelection parse(Map<String, ?> body) {
        List<FieldError> errors = new ArrayList<>();
        body.keySet()
            .stream()
            .filter(k -> !k.equals("jql") && !k.equals("issueKeys"))
            .sorted()
            .forEach(k -> errors.add(new FieldError(k, "is not a field; send jql or issueKeys")));
        Object jql = body.get("jql");
        Object keys = body.get("issueKeys");
        if ((jql == null) == (keys == null)) {
            errors.add(new FieldError("jql", "Send exactly one of jql or issueKeys"));
        }
        Jql result = null;
        if (jql != null) {
            Optional<String> problem = jql instanceof String text ? Jql.refinementProblem(text)
                    : Optional.of("must be text");
            if (problem.isPresent()) {
                errors.add(new FieldError("jql",
                        problem.get() + " (JQL that restricts the issues, e.g. project = WEB AND issuetype = Epic)"));
            }
            else {
                result = Jql.refinement((String) jql);
            }
        }
        if (keys != null) {
            if (!(keys instanceof List<?> list) || list.isEmpty() || list.size() > MAX_ISSUES) {
                errors.add(new FieldError("issueKeys", "must be a list of 1 to " + MAX_ISSUES + " issue keys"));
            }
            else {
                Set<String> unique = new HashSet<>();
                for (int i = 0; i < list.size(); i++) {
                    Object key = list.get(i);
                    if (!(key instanceof String text) || !JiraKeys.isIssueKey(text)) {
                        errors.add(new FieldError("issueKeys[" + i + "]", "must be an issue key such as WEB-12"));
                    }
                    else {
                        unique.add(text);
                    }
                }
                result = unique.isEmpty() ? null : Jql.issueKeyIn(unique.stream().sorted().toList());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new LinkSelection(result, body.containsKey("jql") ? "jql" : "issueKeys");
    }

}

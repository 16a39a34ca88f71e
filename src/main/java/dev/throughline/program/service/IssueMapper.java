package dev.throughline.program.service;

import dev.throughline.jira.IssueFields;
import dev.throughline.jira.IssueLinkRef;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.PropertyValue;
import dev.throughline.program.rollup.IssueKind;
import dev.throughline.program.rollup.ProgramIssue;
import dev.throughline.program.rollup.StatusCategory;
import dev.throughline.theme.ThemeLinks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Search results → the rollup engine's {@link ProgramIssue}: exactly what the rollup
 * needs, nothing per issue asked.
 */
final class IssueMapper {

    static final String VALUE_PROPERTY = "throughline.value";
    static final String BLOCKS = "Blocks";

    private IssueMapper() {
    }

    /**
     * The fields a rollup search asks for; the story-points field is added when the site
     * has one.
     */
    static List<String> fields(Optional<String> storyPointsField) {
        List<String> fields = new ArrayList<>(
                List.of("project", "summary", "status", "issuetype", "parent", "issuelinks", "created",
                        "resolutiondate", "duedate", "timeoriginalestimate", "fixVersions", "subtasks"));
        storyPointsField.ifPresent(fields::add);
        return List.copyOf(fields);
    }

    static List<String> properties() {
        return List.of(VALUE_PROPERTY, ThemeLinks.PROPERTY_KEY);
    }

    /**
     * The issue's own project as Jira returns it (its {@code project} field; else its
     * key's prefix, which a move changes too). A rollup files each issue under this
     * project, never under the search that found it.
     */
    static String ownProject(JiraIssue issue) {
        return issue.fields().projectKey().orElseGet(() -> issue.key().substring(0, issue.key().lastIndexOf('-')));
    }

    /**
     * @param projectKey the issue's own project ({@link #ownProject})
     * @param today fallback creation date for an issue Jira sent without one
     */
    static ProgramIssue map(JiraIssue issue, String projectKey, Optional<String> storyPointsField, LocalDate today) {
        IssueFields f = issue.fields();
        Set<String> blocks = new LinkedHashSet<>();
        Set<String> blockedBy = new LinkedHashSet<>();
        for (IssueLinkRef link : f.issueLinks()) {
            if (!link.typeName().equalsIgnoreCase(BLOCKS)) {
                continue;
            }
            link.outwardIssueKey().filter(k -> !k.equals(issue.key())).ifPresent(blocks::add);
            link.inwardIssueKey().filter(k -> !k.equals(issue.key())).ifPresent(blockedBy::add);
        }
        Optional<String> parent = f.parentKey().filter(p -> !p.equals(issue.key()));
        IssueKind kind = kind(f);
        if (kind == IssueKind.SUBTASK && parent.isEmpty()) {
            kind = IssueKind.STANDARD; // a sub-task always has a parent in Jira; be
                                       // lenient rather than fail a rollup
        }
        return new ProgramIssue(issue.key(), f.summary().orElse(""), projectKey, kind, status(f), parent,
                f.created().map(IssueMapper::date).orElse(today), f.resolutionDate().map(IssueMapper::date),
                f.dueDate(), storyPointsField.flatMap(f::number).filter(p -> Double.isFinite(p) && p >= 0),
                f.originalEstimateSeconds().filter(s -> s >= 0), f.fixVersionNames(), value(issue), themes(issue),
                f.raw("subtasks").filter(List.class::isInstance).map(l -> ((List<?>) l).size()).orElse(0),
                List.copyOf(blocks), List.copyOf(blockedBy));
    }

    private static IssueKind kind(IssueFields f) {
        if (f.isSubtask().orElse(false)) {
            return IssueKind.SUBTASK;
        }
        Optional<Object> level = f.raw("issuetype")
            .filter(Map.class::isInstance)
            .map(t -> ((Map<?, ?>) t).get("hierarchyLevel"));
        boolean epic = level.filter(Number.class::isInstance)
            .map(n -> ((Number) n).intValue() == 1)
            .orElseGet(() -> f.issueTypeName().map(name -> name.equalsIgnoreCase("Epic")).orElse(false));
        return epic ? IssueKind.EPIC : IssueKind.STANDARD;
    }

    private static StatusCategory status(IssueFields f) {
        return f.statusCategory().map(c -> StatusCategory.fromJiraKey(c.key())).orElse(StatusCategory.TODO);
    }

    private static Optional<BigDecimal> value(JiraIssue issue) {
        return issue.property(VALUE_PROPERTY)
            .filter(PropertyValue::isObject)
            .map(PropertyValue::asMap)
            .map(map -> map.get("score"))
            .filter(Number.class::isInstance)
            .map(n -> new BigDecimal(n.toString()));
    }

    private static List<String> themes(JiraIssue issue) {
        Optional<Map<String, Object>> stored = issue.property(ThemeLinks.PROPERTY_KEY)
            .filter(PropertyValue::isObject)
            .map(PropertyValue::asMap);
        try {
            return ThemeLinks.fromMap(stored).themeIds();
        }
        catch (IllegalArgumentException e) {
            return List.of(); // a malformed link property counts the issue without themes
        }
    }

    private static LocalDate date(OffsetDateTime time) {
        return time.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }

}

package dev.throughline.grooming.service;

import dev.throughline.grooming.BacklogFlag;
import dev.throughline.jira.BacklogRequest;
import dev.throughline.jira.IssueFields;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.Jql;
import dev.throughline.jira.PropertyValue;
import dev.throughline.jira.SearchRequest;
import dev.throughline.jira.StatusCategory;
import dev.throughline.readmodel.IssueFacts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a board's backlog once, in rank order: backlog pages of 50 with the fields (the
 * rank is Jira's). Jira's backlog endpoint returns no entity properties, so the score and
 * theme links of each issue (and the theme links of its parent, since a theme linked to
 * an epic covers its children) come from the read model, whose projects are synced first;
 * only issues it does not hold are read as before, one search {@code key in (...)} per
 * 100 issues for the two properties and one per 100 parents asking only for
 * {@code throughline.themes}. A backlog of n issues whose projects the read model holds
 * fresh costs ⌈n / 50⌉ backlog pages (plus the board's estimation field, cached by the
 * client); without the read model 1,000 issues under 30 epics took 20 + 10 + 1 = 31.
 */
final class BacklogReader {

    static final String VALUE_PROPERTY = "throughline.value";
    static final String THEMES_PROPERTY = "throughline.themes";
    static final int PROPERTY_BATCH = 100;

    private static final List<String> BASE_FIELDS = List.of("summary", "issuetype", "status", "created", "updated",
            "issuelinks", "parent", "project");

    private static final List<String> ORDER_FIELDS = List.of("project");

    private BacklogReader() {
    }

    /**
     * Only the keys and projects, in rank order: what apply and undo need (⌈n / 50⌉
     * requests).
     */
    static List<JiraIssue> order(JiraClient client, long boardId) {
        return client.backlog(BacklogRequest.of(boardId, ORDER_FIELDS)).toList();
    }

    static BacklogSnapshot read(JiraClient client, long boardId, Instant now, int staleDays) {
        return read(client, boardId, now, staleDays, projects -> List.of());
    }

    /**
     * @param held the read model's facts of these projects, synced first: the scores and
     * theme links of the issues it holds come from there; only the others (not held, or
     * held without the score's version) are read by property search as before
     */
    static BacklogSnapshot read(JiraClient client, long boardId, Instant now, int staleDays,
            Function<Set<String>, List<IssueFacts>> held) {
        Optional<String> pointsField = client.storyPointsFieldId(boardId);
        List<String> fields = new ArrayList<>(BASE_FIELDS);
        pointsField.ifPresent(fields::add);
        List<JiraIssue> issues = client.backlog(BacklogRequest.of(boardId, fields)).toList();
        Set<String> projects = new LinkedHashSet<>();
        issues.forEach(issue -> issue.fields().projectKey().ifPresent(projects::add));
        HeldProperties known = HeldProperties.of(projects.isEmpty() ? List.of() : held.apply(projects));
        Map<String, Map<String, PropertyValue>> properties = new HashMap<>();
        List<String> toRead = new ArrayList<>();
        for (JiraIssue issue : issues) {
            known.properties(issue.id())
                .ifPresentOrElse(p -> properties.put(issue.key(), p), () -> toRead.add(issue.key()));
        }
        for (int from = 0; from < toRead.size(); from += PROPERTY_BATCH) {
            List<String> keys = toRead.subList(from, Math.min(toRead.size(), from + PROPERTY_BATCH));
            properties.putAll(properties(client, keys, List.of(VALUE_PROPERTY, THEMES_PROPERTY)));
        }
        Map<String, List<String>> parentThemes = parentThemes(client, issues, properties, known);
        List<BacklogRow> rows = new ArrayList<>();
        Map<BacklogFlag, Integer> counts = new EnumMap<>(BacklogFlag.class);
        for (JiraIssue issue : issues) {
            List<String> inherited = parentKey(issue).map(parentThemes::get).orElse(List.of());
            BacklogRow row = row(issue, properties.getOrDefault(issue.key(), Map.of()), inherited, pointsField, now,
                    staleDays);
            row.flags().forEach(flag -> counts.merge(flag, 1, Integer::sum));
            rows.add(row);
        }
        return new BacklogSnapshot(boardId, rows, counts, now);
    }

    /**
     * The theme ids of every parent of the backlog's issues: parents on the backlog from
     * the properties already read, parents the read model holds from it, the others in
     * searches of up to 100 keys asking only for {@code throughline.themes}.
     */
    private static Map<String, List<String>> parentThemes(JiraClient client, List<JiraIssue> issues,
            Map<String, Map<String, PropertyValue>> properties, HeldProperties known) {
        Set<String> onBacklog = issues.stream().map(JiraIssue::key).collect(Collectors.toSet());
        Map<String, Optional<String>> parents = new LinkedHashMap<>();
        issues.forEach(issue -> parentKey(issue).ifPresent(key -> parents.put(key, parentId(issue))));
        Map<String, List<String>> themes = new HashMap<>();
        List<String> toRead = new ArrayList<>();
        parents.forEach((parent, id) -> {
            if (onBacklog.contains(parent)) {
                themes.put(parent, themeIds(properties.getOrDefault(parent, Map.of())));
            }
            else {
                id.flatMap(known::themes).ifPresentOrElse(held -> themes.put(parent, held), () -> toRead.add(parent));
            }
        });
        for (int from = 0; from < toRead.size(); from += PROPERTY_BATCH) {
            List<String> keys = toRead.subList(from, Math.min(toRead.size(), from + PROPERTY_BATCH));
            properties(client, keys, List.of(THEMES_PROPERTY)).forEach((key, read) -> themes.put(key, themeIds(read)));
        }
        return themes;
    }

    private static Optional<String> parentId(JiraIssue issue) {
        return issue.fields().raw("parent").flatMap(parent -> at(parent, "id")).map(Object::toString);
    }

    private static Map<String, Map<String, PropertyValue>> properties(JiraClient client, List<String> keys,
            List<String> propertyKeys) {
        SearchRequest request = new SearchRequest(Jql.issueKeyIn(keys), List.of(), propertyKeys, PROPERTY_BATCH);
        Map<String, Map<String, PropertyValue>> byKey = new HashMap<>();
        client.search(request).forEach(issue -> byKey.put(issue.key(), issue.properties()));
        return byKey;
    }

    private static Optional<String> parentKey(JiraIssue issue) {
        return issue.fields()
            .raw("parent")
            .flatMap(parent -> at(parent, "key"))
            .filter(String.class::isInstance)
            .map(String.class::cast);
    }

    private static List<String> themeIds(Map<String, PropertyValue> properties) {
        return object(properties.get(THEMES_PROPERTY)).get("themeIds") instanceof List<?> ids
                ? ids.stream().filter(String.class::isInstance).map(String.class::cast).distinct().toList() : List.of();
    }

    /**
     * @param parentThemeIds the themes of the issue's parent (an epic's themes cover its
     * children); those the issue is not linked to itself are shown as inherited
     */
    static BacklogRow row(JiraIssue issue, Map<String, PropertyValue> properties, List<String> parentThemeIds,
            Optional<String> pointsField, Instant now, int staleDays) {
        IssueFields fields = issue.fields();
        Map<String, Object> value = object(properties.get(VALUE_PROPERTY));
        Optional<BigDecimal> score = Optional.ofNullable(value.get("score"))
            .filter(Number.class::isInstance)
            .map(n -> new BigDecimal(n.toString()));
        Optional<String> model = Optional.ofNullable(value.get("model"))
            .filter(String.class::isInstance)
            .map(String.class::cast);
        long version = value.get("version") instanceof Number n ? n.longValue() : 0;
        Map<String, BigDecimal> inputs = new HashMap<>();
        if (value.get("inputs") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> {
                if (v instanceof Number n) {
                    inputs.put(String.valueOf(k), new BigDecimal(n.toString()));
                }
            });
        }
        List<String> themeIds = themeIds(properties);
        List<String> inherited = parentThemeIds.stream().filter(id -> !themeIds.contains(id)).distinct().toList();
        Optional<Double> points = pointsField.flatMap(fields::number);
        Optional<Instant> created = fields.created().map(OffsetDateTime::toInstant);
        Optional<Instant> updated = fields.string("updated").flatMap(BacklogReader::instant);
        Set<String> openBlockers = openBlockers(fields);
        boolean open = fields.statusCategory().map(c -> c != StatusCategory.DONE).orElse(true);
        boolean parentDone = fields.raw("parent")
            .flatMap(parent -> at(parent, "fields", "status", "statusCategory", "key"))
            .map(StatusCategory.DONE.key()::equals)
            .orElse(false);
        Set<BacklogFlag> flags = BacklogFlag
            .of(new BacklogFlag.Facts(score.isPresent(), points.isPresent(), updated.orElse(null), openBlockers.size(),
                    !themeIds.isEmpty() || !inherited.isEmpty(), open, parentDone), now, staleDays);
        return new BacklogRow(issue.key(), fields.summary().orElse(""), fields.issueTypeName().orElse(""),
                fields.statusName().orElse(""), score, model, themeIds, inherited,
                inherited.isEmpty() ? Optional.empty() : parentKey(issue), points,
                created.map(c -> Math.max(0, Duration.between(c, now).toDays())), updated, flags, openBlockers,
                fields.projectId(), fields.projectKey(), version, inputs);
    }

    /**
     * Keys of the issues that block this one ("Blocks" links seen from the blocked side)
     * and are not done.
     */
    static Set<String> openBlockers(IssueFields fields) {
        Set<String> blockers = new LinkedHashSet<>();
        if (fields.raw("issuelinks").orElse(null) instanceof List<?> links) {
            for (Object link : links) {
                boolean blocks = at(link, "type", "name").map(name -> "blocks".equalsIgnoreCase(name.toString()))
                    .orElse(false);
                Optional<Object> inward = at(link, "inwardIssue");
                if (!blocks || inward.isEmpty()) {
                    continue;
                }
                Optional<String> key = at(inward.get(), "key").filter(String.class::isInstance).map(String.class::cast);
                boolean done = at(inward.get(), "fields", "status", "statusCategory", "key")
                    .map(StatusCategory.DONE.key()::equals)
                    .orElse(false);
                if (key.isPresent() && !done) {
                    blockers.add(key.get());
                }
            }
        }
        return blockers;
    }

    private static Map<String, Object> object(PropertyValue value) {
        return value != null && value.isObject() ? value.asMap() : Map.of();
    }

    private static Optional<Object> at(Object object, String... path) {
        Object current = object;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2")).toInstant());
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

}

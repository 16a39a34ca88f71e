package dev.throughline.program.service;

import dev.throughline.jira.JiraIssue;
import dev.throughline.program.rollup.IssueKind;
import dev.throughline.program.rollup.ProgramIssue;
import dev.throughline.program.rollup.StatusCategory;
import dev.throughline.readmodel.FactsOf;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFacts.IssueRef;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Search results and the read model's {@link IssueFacts} → the rollup engine's
 * {@link ProgramIssue}: exactly what the rollup needs, nothing per issue asked.
 */
final class IssueMapper {

    /** No issue's key changed since it was read: the keys as Jira sent them. */
    static final LongFunction<Optional<String>> KEYS_AS_READ = id -> Optional.empty();

    private IssueMapper() {
    }

    /**
     * The fields a rollup search asks for; the story-points field is added when the site
     * has one.
     */
    static List<String> fields(Optional<String> storyPointsField) {
        return FactsOf.fields(storyPointsField);
    }

    static List<String> properties() {
        return FactsOf.properties();
    }

    /**
     * The issue's own project as Jira returns it (its {@code project} field; else its
     * key's prefix, which a move changes too). A rollup files each issue under this
     * project, never under the search that found it.
     */
    static String ownProject(JiraIssue issue) {
        return FactsOf.ownProject(issue);
    }

    /**
     * @param projectKey the issue's own project ({@link #ownProject})
     * @param today fallback creation date for an issue Jira sent without one
     */
    static ProgramIssue map(JiraIssue issue, String projectKey, Optional<String> storyPointsField, LocalDate today) {
        IssueFacts facts = FactsOf.of(issue, storyPointsField);
        return map(facts, projectKey, today, KEYS_AS_READ, facts.subtaskCount());
    }

    /**
     * @param currentKey the key an issue has now, by id (empty: the key it was read
     * with), so a parent or a blocker moved to another project is named by its new key
     * @param subtaskCount how many sub-tasks the issue has now
     */
    static ProgramIssue map(IssueFacts f, String projectKey, LocalDate today, LongFunction<Optional<String>> currentKey,
            int subtaskCount) {
        Optional<String> parent = f.parent().map(p -> key(p, currentKey)).filter(p -> !p.equals(f.key()));
        IssueKind kind = IssueKind.valueOf(f.level().name());
        if (kind == IssueKind.SUBTASK && parent.isEmpty()) {
            kind = IssueKind.STANDARD;
        }
        return new ProgramIssue(f.key(), f.summary(), projectKey, kind, StatusCategory.fromJiraKey(f.statusCategory()),
                parent, f.created().orElse(today), f.resolved(), f.due(), f.storyPoints(), f.originalEstimateSeconds(),
                f.fixVersions(), f.valueScore(), f.themeIds(), subtaskCount, keys(f.blocks(), f.key(), currentKey),
                keys(f.blockedBy(), f.key(), currentKey), f.valueModel());
    }

    private static List<String> keys(List<IssueRef> refs, String own, LongFunction<Optional<String>> currentKey) {
        Set<String> keys = new LinkedHashSet<>();
        for (IssueRef ref : refs) {
            String key = key(ref, currentKey);
            if (!key.equals(own)) {
                keys.add(key);
            }
        }
        return List.copyOf(keys);
    }

    private static String key(IssueRef ref, LongFunction<Optional<String>> currentKey) {
        return currentKey.apply(ref.id()).orElse(ref.key());
    }

}

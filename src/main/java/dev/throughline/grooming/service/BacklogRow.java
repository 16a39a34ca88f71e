package dev.throughline.grooming.service;

import dev.throughline.grooming.BacklogFlag;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One backlog issue as grooming shows it, with the keys of the open issues that block it
 * and - for editing its score in place - the score's version (0 when unscored) and
 * inputs. {@code themeIds} are the issue's own theme links; {@code inheritedThemeIds} the
 * other themes of its parent ({@code themesFrom}), since a theme linked to an epic covers
 * the epic's children.
 */
public record BacklogRow(String key, String summary, String type, String status, Optional<BigDecimal> score,
        Optional<String> model, List<String> themeIds, List<String> inheritedThemeIds, Optional<String> themesFrom,
        Optional<Double> storyPoints, Optional<Long> ageDays, Optional<Instant> updated, Set<BacklogFlag> flags,
        Set<String> openBlockers, Optional<Long> projectId, Optional<String> projectKey, long valueVersion,
        Map<String, BigDecimal> valueInputs) {

    public BacklogRow {
        Objects.requireNonNull(key, "key");
        valueInputs = Map.copyOf(valueInputs);
        themeIds = List.copyOf(themeIds);
        inheritedThemeIds = List.copyOf(inheritedThemeIds);
        flags = Set.copyOf(flags);
        openBlockers = Set.copyOf(openBlockers);
    }

    /**
     * The row naming only issues of projects {@code nameable} accepts (by project key):
     * other blockers are left out of {@code openBlockers} (the row keeps its blocked
     * flag) and a parent elsewhere is not named as {@code themesFrom} (its themes still
     * show).
     */
    public BacklogRow namingOnly(Predicate<String> nameable) {
        Set<String> blockers = openBlockers.stream()
            .filter(key -> nameable.test(projectOf(key)))
            .collect(Collectors.toCollection(LinkedHashSet::new));
        Optional<String> from = themesFrom.filter(key -> nameable.test(projectOf(key)));
        return new BacklogRow(key, summary, type, status, score, model, themeIds, inheritedThemeIds, from, storyPoints,
                ageDays, updated, flags, blockers, projectId, projectKey, valueVersion, valueInputs);
    }

    /**
     * An issue key's project: its prefix (a move gives an issue a key in its new
     * project).
     */
    static String projectOf(String issueKey) {
        return issueKey.substring(0, Math.max(0, issueKey.lastIndexOf('-')));
    }
}

package dev.throughline.grooming.service;

import dev.throughline.grooming.BacklogFlag;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One backlog issue as grooming shows it, with the keys of the open issues that block it and - for editing its
 * score in place - the score's version (0 when unscored) and inputs. {@code themeIds} are the issue's own theme
 * links; {@code inheritedThemeIds} the other themes of its parent ({@code themesFrom}), since a theme linked to an
 * epic covers the epic's children.
 */
public record BacklogRow(String key, String summary, String type, String status, Optional<BigDecimal> score,
                         Optional<String> model, List<String> themeIds, List<String> inheritedThemeIds,
                         Optional<String> themesFrom, Optional<Double> storyPoints,
                         Optional<Long> ageDays, Optional<Instant> updated, Set<BacklogFlag> flags,
                         Set<String> openBlockers, Optional<Long> projectId, Optional<String> projectKey,
                         long valueVersion, Map<String, BigDecimal> valueInputs) {

    public BacklogRow {
        Objects.requireNonNull(key, "key");
        valueInputs = Map.copyOf(valueInputs);
        themeIds = List.copyOf(themeIds);
        inheritedThemeIds = List.copyOf(inheritedThemeIds);
        flags = Set.copyOf(flags);
        openBlockers = Set.copyOf(openBlockers);
    }
}

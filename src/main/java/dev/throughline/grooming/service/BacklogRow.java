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
 * score in place - the score's version (0 when unscored) and inputs.
 */
public record BacklogRow(String key, String summary, String type, String status, Optional<BigDecimal> score,
                         Optional<String> model, List<String> themeIds, Optional<Double> storyPoints,
                         Optional<Long> ageDays, Optional<Instant> updated, Set<BacklogFlag> flags,
                         Set<String> openBlockers, Optional<Long> projectId, Optional<String> projectKey,
                         long valueVersion, Map<String, BigDecimal> valueInputs) {

    public BacklogRow {
        Objects.requireNonNull(key, "key");
        valueInputs = Map.copyOf(valueInputs);
        themeIds = List.copyOf(themeIds);
        flags = Set.copyOf(flags);
        openBlockers = Set.copyOf(openBlockers);
    }
}

package dev.throughline.program.service;

import dev.throughline.program.rollup.ProjectRollup;
import dev.throughline.program.rollup.RollupSettings;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one fetch read: a folded rollup per project, the projects' ids and what could not
 * be searched.
 */
record Fetched(RollupSettings settings, Map<String, ProjectRollup> rollups, Map<String, Long> projectIds,
        List<SkippedProject> skipped, Instant fetchedAt, Map<String, String> themeNames) {
}

package dev.throughline.program.service;

import dev.throughline.program.rollup.GroupSummary;
import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.rollup.ProgramResult;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One viewer's rollup of a program.
 *
 * @param leftOutProjects projects the app read but this viewer may not browse (not in the
 * numbers)
 * @param skippedProjects projects the app could not search at all
 * @param fetchedAt when the issues were read from Jira (the cached fetch may be older
 * than the request)
 * @param themeNames theme id → name, to label theme rows (a theme deleted since keeps its
 * id as label)
 */
public record ProgramRollup(ProgramDefinition program, ProgramResult result, int leftOutProjects,
        List<SkippedProject> skippedProjects, Instant fetchedAt, Map<String, String> themeNames) {

    public ProgramRollup {
        skippedProjects = List.copyOf(skippedProjects);
        themeNames = Map.copyOf(themeNames);
    }

    public ProgramRollup(ProgramDefinition program, ProgramResult result, int leftOutProjects,
            List<SkippedProject> skippedProjects, Instant fetchedAt) {
        this(program, result, leftOutProjects, skippedProjects, fetchedAt, Map.of());
    }

    /**
     * What a group row is called: a theme's name, an epic's summary (its key when it has
     * none), otherwise the project key or version name.
     */
    public String label(GroupSummary group) {
        return switch (group.kind()) {
            case THEME -> themeNames.getOrDefault(group.id(), group.id());
            case EPIC -> result.epicSummaries().getOrDefault(group.id(), group.id());
            default -> group.id();
        };
    }
}

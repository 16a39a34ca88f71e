package dev.throughline.program.service;

import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.ProgramResult;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One viewer's rollup of a program.
 *
 * @param leftOutProjects projects the app read but this viewer may not browse (not in the numbers)
 * @param skippedProjects projects the app could not search at all
 * @param fetchedAt       when the issues were read from Jira (the cached fetch may be older than the request)
 * @param themeNames      theme id → name, to label theme rows (a theme deleted since keeps its id as label)
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

    /** What a group row is called: a theme's name, otherwise the project key, epic key or version name. */
    public String label(dev.throughline.program.GroupSummary group) {
        return group.kind() == dev.throughline.program.GroupKind.THEME ? themeNames.getOrDefault(group.id(), group.id())
                : group.id();
    }
}

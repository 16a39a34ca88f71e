package dev.throughline.program.service;

import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.ProgramResult;

import java.time.Instant;
import java.util.List;

/**
 * One viewer's rollup of a program.
 *
 * @param leftOutProjects projects the app read but this viewer may not browse (not in the numbers)
 * @param skippedProjects projects the app could not search at all
 * @param fetchedAt       when the issues were read from Jira (the cached fetch may be older than the request)
 */
public record ProgramRollup(ProgramDefinition program, ProgramResult result, int leftOutProjects,
                            List<SkippedProject> skippedProjects, Instant fetchedAt) {

    public ProgramRollup {
        skippedProjects = List.copyOf(skippedProjects);
    }
}

package dev.throughline.program.rollup;

import java.util.Collection;
import java.util.List;

/**
 * Entry point: fold issues per project, then roll up any subset of projects into a
 * program result.
 */
public final class RollupEngine {

    private RollupEngine() {
    }

    /**
     * The program made of these project rollups (e.g. the projects one viewer may
     * browse).
     */
    public static ProgramResult rollUp(RollupSettings settings, Collection<ProjectRollup> projects) {
        return new ResultAssembler(ProjectRollup.merge(settings, projects)).assemble();
    }

    /**
     * Folds the issues into one accumulator and rolls it up; convenient for small
     * programs and tests.
     */
    public static ProgramResult rollUpIssues(RollupSettings settings, Iterable<ProgramIssue> issues) {
        ProjectRollup rollup = new ProjectRollup(settings);
        issues.forEach(rollup::accept);
        return rollUp(settings, List.of(rollup));
    }

}

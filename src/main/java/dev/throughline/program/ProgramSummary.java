package dev.throughline.program;

import java.util.Objects;

/**
 * What the program index keeps of each program: enough to list them and to check names,
 * not the project keys.
 */
public record ProgramSummary(String id, String name, int projectCount, boolean refined, ProgressBasis progressBasis,
        boolean includeSubtasks, int throughputWeeks, long version) {

    public ProgramSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(progressBasis, "progressBasis");
    }

    public static ProgramSummary of(ProgramDefinition program) {
        return new ProgramSummary(program.id(), program.name(), program.projects().size(), program.jql().isPresent(),
                program.progressBasis(), program.includeSubtasks(), program.throughputWeeks(), program.version());
    }
}

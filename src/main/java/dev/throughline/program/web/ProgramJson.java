package dev.throughline.program.web;

import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.ProgramSummary;

import java.util.List;
import java.util.Locale;

/**
 * A program as the API answers it: in full (one program, create, update, a stale save's
 * {@code current}); {@link Listed} in lists. The same fields as the stored form
 * ({@code ProgramCodec}), the progress basis in lower case, no refinement as null.
 */
record ProgramJson(String id, String name, List<String> projects, String jql, String progressBasis,
        boolean includeSubtasks, boolean scopeGrowth, int throughputWeeks, long version) {

    static ProgramJson of(ProgramDefinition p) {
        return new ProgramJson(p.id(), p.name(), p.projects(), p.jql().orElse(null),
                p.progressBasis().name().toLowerCase(Locale.ROOT), p.includeSubtasks(), p.scopeGrowth(),
                p.throughputWeeks(), p.version());
    }

    record Listed(String id, String name, int projectCount, boolean refined, String progressBasis,
            boolean includeSubtasks, int throughputWeeks, long version) {

        static Listed of(ProgramSummary p) {
            return new Listed(p.id(), p.name(), p.projectCount(), p.refined(),
                    p.progressBasis().name().toLowerCase(Locale.ROOT), p.includeSubtasks(), p.throughputWeeks(),
                    p.version());
        }

    }

    record Programs(List<Listed> programs) {
    }

    record Deleted(boolean deleted) {
    }

    /**
     * {@code POST /api/programs/check}: Jira's approximate count of the issues a draft
     * matches.
     */
    record Matches(long matches) {
    }

}

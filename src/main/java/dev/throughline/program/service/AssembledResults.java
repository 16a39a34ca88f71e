package dev.throughline.program.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.throughline.program.rollup.ProgramResult;
import dev.throughline.program.rollup.ProjectRollup;
import dev.throughline.program.rollup.RollupSettings;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The program result last assembled for each view of a program (site, program, projects
 * the viewer may browse), kept while the view's inputs are the very same rollups: a warm
 * view whose kept folds did not change ({@link KeptRollups} hands back the same merged
 * rollup of a project while its revisions are unchanged) needs no merge and no forecast
 * at all. A fetch that folded anything again hands over a new rollup, so the result is
 * assembled again, and a new day or theme catalog changes the settings.
 */
final class AssembledResults {

    /**
     * One viewer's view of a program: the projects they may browse decide the numbers.
     */
    record Slot(String clientKey, String programId, Set<Long> visibleProjects) {

        Slot {
            visibleProjects = Set.copyOf(visibleProjects);
        }

    }

    /** A result and exactly what it was assembled from. */
    private record Assembled(RollupSettings settings, List<ProjectRollup> parts, ProgramResult result) {

        /** The same settings and the same rollup objects in the same order. */
        boolean madeOf(RollupSettings others, List<ProjectRollup> otherParts) {
            if (!settings.equals(others) || parts.size() != otherParts.size()) {
                return false;
            }
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i) != otherParts.get(i)) {
                    return false;
                }
            }
            return true;
        }

    }

    private final Cache<Slot, Assembled> assembled;

    private final BiFunction<RollupSettings, List<ProjectRollup>, ProgramResult> assembler;

    /**
     * @param assembler merges the parts and assembles the result (the rollup engine; a
     * test counts its calls)
     */
    AssembledResults(SiteTtl siteTtl, BiFunction<RollupSettings, List<ProjectRollup>, ProgramResult> assembler) {
        this.assembler = assembler;
        // softly held: a full heap drops a kept result (it is assembled again) before it
        // fails
        this.assembled = Caffeine.newBuilder()
            .expireAfter(siteTtl.<Slot, Assembled>expiry(Slot::clientKey))
            .maximumSize(500)
            .softValues()
            .build();
    }

    /**
     * The result of these parts, assembled again only when they are not the last ones.
     */
    ProgramResult of(Slot slot, RollupSettings settings, List<ProjectRollup> parts) {
        Assembled last = assembled.getIfPresent(slot);
        if (last != null && last.madeOf(settings, parts)) {
            return last.result();
        }
        List<ProjectRollup> inputs = List.copyOf(parts);
        ProgramResult result = assembler.apply(settings, inputs);
        assembled.put(slot, new Assembled(settings, inputs, result));
        return result;
    }

}

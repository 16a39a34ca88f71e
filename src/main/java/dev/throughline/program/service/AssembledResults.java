package dev.throughline.program.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.throughline.program.rollup.ProgramAssembly;
import dev.throughline.program.rollup.ProgramResult;
import dev.throughline.program.rollup.ProjectRollup;
import dev.throughline.program.rollup.RollupSettings;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The program result last assembled for each view of a program (site, program, projects
 * the viewer may browse), kept with what it was assembled from: a warm view whose kept
 * folds did not change ({@link KeptRollups} hands back the same merged rollup of a
 * project while its revisions are unchanged) needs no merge and no forecast at all, and
 * after a change only what the changed buckets reach is merged, summarised and forecast
 * again ({@link ProgramAssembly}). A new day or theme catalog changes the settings: the
 * result is assembled in full.
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

    /**
     * Works out the result of the parts, from the view's last assembly when there is one.
     */
    @FunctionalInterface
    interface Assembler {

        ProgramAssembly assemble(Optional<ProgramAssembly> last, RollupSettings settings, List<ProjectRollup> parts);

    }

    /** Updates the last assembly where it can, else assembles in full. */
    static final Assembler FROM_THE_LAST = (last, settings, parts) -> last.map(kept -> kept.next(settings, parts))
        .orElseGet(() -> ProgramAssembly.of(settings, parts));

    /** A view's assembly; one update at a time (an assembly is changed in place). */
    private static final class Kept {

        private ProgramAssembly assembly;

    }

    private final Cache<Slot, Kept> assembled;

    private final Assembler assembler;

    /**
     * @param assembler assembles or updates the result ({@link #FROM_THE_LAST}; a test
     * counts its calls)
     */
    AssembledResults(SiteTtl siteTtl, Assembler assembler) {
        this.assembler = assembler;
        // softly held: a full heap drops a kept result (it is assembled again) before it
        // fails
        this.assembled = Caffeine.newBuilder()
            .expireAfter(siteTtl.<Slot, Kept>expiry(Slot::clientKey))
            .maximumSize(500)
            .softValues()
            .build();
    }

    /**
     * The result of these parts, worked out again only when they are not the last ones.
     */
    ProgramResult of(Slot slot, RollupSettings settings, List<ProjectRollup> parts) {
        Kept kept = assembled.get(slot, s -> new Kept());
        synchronized (kept) {
            if (kept.assembly != null && kept.assembly.madeOf(settings, parts)) {
                return kept.assembly.result();
            }
            Optional<ProgramAssembly> last = Optional.ofNullable(kept.assembly);
            kept.assembly = null; // a failed update leaves nothing half done behind
            kept.assembly = assembler.assemble(last, settings, List.copyOf(parts));
            return kept.assembly.result();
        }
    }

}

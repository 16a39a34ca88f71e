package dev.throughline.program.rollup;

import java.util.List;
import java.util.Optional;

/**
 * A program result kept with what it was assembled from, so the next one is worked out
 * from the change: the parts that are new objects (a project folded again) bring the keys
 * they may have changed ({@link ProjectRollup#remerge}; a part not derived from the one
 * it replaces brings all of both), only those are merged again into the kept merge, and
 * only the groups they reach are summarised and forecast again ({@link ResultUpdate}).
 * Equal to {@link RollupEngine#rollUp} of the same parts. Not thread-safe on its own:
 * {@link #next} changes it, so callers hold one per view and serialise its use.
 */
public final class ProgramAssembly {

    private final RollupSettings settings;

    private List<ProjectRollup> parts;

    /** Owned: worked out again in place. */
    private final ProjectRollup merged;

    private ResultAssembler assembled;

    private ProgramResult result;

    /** Set while an update is half done: such an assembly is never used again. */
    private boolean broken;

    private ProgramAssembly(RollupSettings settings, List<ProjectRollup> parts) {
        this.settings = settings;
        this.parts = List.copyOf(parts);
        this.merged = ProjectRollup.merge(settings, this.parts);
        this.assembled = new ResultAssembler(merged);
        this.result = assembled.assemble();
    }

    /** The full assembly of these parts. */
    public static ProgramAssembly of(RollupSettings settings, List<ProjectRollup> parts) {
        return new ProgramAssembly(settings, parts);
    }

    public ProgramResult result() {
        return result;
    }

    /** The same settings and the very same rollup objects in the same order. */
    public boolean madeOf(RollupSettings others, List<ProjectRollup> otherParts) {
        if (broken || !settings.equals(others) || parts.size() != otherParts.size()) {
            return false;
        }
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i) != otherParts.get(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The assembly of these parts: this one, updated, when they replace some of its parts
     * one for one under the same settings; else a new full assembly.
     */
    public ProgramAssembly next(RollupSettings others, List<ProjectRollup> nextParts) {
        if (madeOf(others, nextParts)) {
            return this;
        }
        if (broken || !settings.equals(others) || parts.size() != nextParts.size()) {
            return of(others, nextParts);
        }
        RollupKeys keys = new RollupKeys();
        int whole = 0;
        for (int i = 0; i < parts.size(); i++) {
            ProjectRollup was = parts.get(i);
            ProjectRollup now = nextParts.get(i);
            Optional<RollupKeys> changed = was == now ? Optional.of(new RollupKeys()) : now.changedSince(was);
            if (changed.isPresent()) {
                keys.add(changed.get());
            }
            else {
                keys.add(was).add(now);
                whole++;
            }
        }
        if (whole * 2 > parts.size()) {
            // most of the program changed as a whole (the first view after a cold
            // read): a full merge copies less than summing every key again
            return of(others, nextParts);
        }
        broken = true;
        ResultUpdate update = new ResultUpdate(merged, keys);
        List<ProjectRollup> copy = List.copyOf(nextParts);
        merged.recompute(keys, copy);
        assembled = update.apply(assembled);
        result = assembled.result();
        parts = copy;
        broken = false;
        return this;
    }

}

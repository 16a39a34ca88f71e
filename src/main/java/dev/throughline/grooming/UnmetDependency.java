package dev.throughline.grooming;

/**
 * A blocked issue that still sits above an open issue blocking it, because a pin or a
 * dependency cycle left no other choice (or the proposal was asked to ignore
 * dependencies); {@link ProposedOrder#unmetCauses()} says which.
 */
public record UnmetDependency(String blocker, String blocked) {

    /**
     * Why a dependency is not honoured, so the page never blames pins where there are
     * none.
     */
    public enum Cause {

        PIN, CYCLE, IGNORED

    }

    public UnmetDependency {
        if (blocker == null || blocked == null || blocker.equals(blocked)) {
            throw new IllegalArgumentException("unmet dependency %s blocks %s".formatted(blocker, blocked));
        }
    }
}

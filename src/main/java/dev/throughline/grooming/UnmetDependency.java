package dev.throughline.grooming;

/**
 * A blocked issue that still sits above an open issue blocking it, because a pin or a
 * dependency cycle left no other choice (or the proposal was asked to ignore
 * dependencies).
 */
public record UnmetDependency(String blocker, String blocked) {

    public UnmetDependency {
        if (blocker == null || blocked == null || blocker.equals(blocked)) {
            throw new IllegalArgumentException("unmet dependency %s blocks %s".formatted(blocker, blocked));
        }
    }
}

package dev.throughline.planning.service;

import java.util.List;
import java.util.Optional;

/**
 * What deleting a plan deleted: its commit snapshots, their index, then the plan itself,
 * each an app property. Jira has no transaction over them, so when a call fails the
 * deletion stops there: {@code deleted} says what is gone, {@code notDeleted} what is
 * left (the plan included, so the deletion can be asked again) and {@code reason} what
 * Jira answered.
 */
public record PlanDeletion(List<String> deleted, List<String> notDeleted, Optional<String> reason) {

    public PlanDeletion {
        deleted = List.copyOf(deleted);
        notDeleted = List.copyOf(notDeleted);
        if (notDeleted.isEmpty() != reason.isEmpty()) {
            throw new IllegalArgumentException("a deletion that stopped says why, a complete one does not");
        }
    }

    public boolean complete() {
        return notDeleted.isEmpty();
    }

    /** In plain words, for a deletion that stopped half way. */
    public String message() {
        long gone = snapshots(deleted);
        long all = gone + snapshots(notDeleted);
        return "The plan was not deleted: Jira failed (" + reason.orElse("") + ") after " + gone + " of its " + all
                + " commit snapshots were deleted. The plan and the rest of its history are kept: delete it again "
                + "to finish.";
    }

    private static long snapshots(List<String> keys) {
        return keys.stream().filter(key -> key.contains(".snapshot.")).count();
    }

}

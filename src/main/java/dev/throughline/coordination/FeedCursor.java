package dev.throughline.coordination;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which rows of the change feed an instance has handled. Sequence numbers are handed out
 * when a row is inserted but become visible when its transaction commits, so a row may
 * appear after a later one was read: the cursor does not move past a missing number until
 * it arrives or {@code gapWait} has passed (a rolled-back insert leaves a hole for ever).
 * Every row read once is handed out once.
 */
final class FeedCursor {

    private final long gapWaitNanos;

    private long floor;

    private final TreeSet<Long> takenAbove = new TreeSet<>();

    private final Map<Long, Long> missingSince = new HashMap<>();

    FeedCursor(Duration gapWait) {
        this.gapWaitNanos = gapWait.toNanos();
    }

    synchronized void startAfter(long seq) {
        floor = seq;
        takenAbove.clear();
        missingSince.clear();
    }

    /** Every sequence number ≤ this one has been handled (or given up on). */
    synchronized long floor() {
        return floor;
    }

    /**
     * @return whether the row is new (to be handed out), false if it was handled before
     */
    synchronized boolean take(long seq) {
        return seq > floor && takenAbove.add(seq);
    }

    /** Moves the floor over handled rows, and over holes older than the gap wait. */
    synchronized void advance(long nowNanos) {
        while (!takenAbove.isEmpty()) {
            long next = floor + 1;
            if (takenAbove.remove(next)) {
                floor = next;
                missingSince.remove(next);
                continue;
            }
            long since = missingSince.computeIfAbsent(next, n -> nowNanos);
            if (nowNanos - since < gapWaitNanos) {
                return;
            }
            missingSince.remove(next);
            floor = next;
        }
    }

}

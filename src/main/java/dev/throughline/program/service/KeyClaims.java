package dev.throughline.program.service;

import java.util.Arrays;

/**
 * The readers of one project that was split into key ranges. Each reader reads the
 * project upward in key order from its own start ({@code key >= "ABC-2001"}) and claims
 * the contiguous run of key numbers it has folded; it stops where another reader's claim
 * begins. So every issue is folded by exactly one reader, whether or not a reader started
 * before its neighbour got there, and whether or not a start key exists (a reader that
 * finds nothing of its own claims nothing and the reader below reads on).
 *
 * <p>
 * Thread-safe; readers are numbered 0 (from the project's first issue) to
 * {@code readers - 1}.
 */
final class KeyClaims {

    private final long[] low;

    private final long[] high;

    KeyClaims(int readers) {
        if (readers < 1) {
            throw new IllegalArgumentException("a project has at least one reader, was " + readers);
        }
        low = new long[readers];
        high = new long[readers];
    }

    /**
     * Claims for {@code reader} the leading issues of its next page (key numbers
     * ascending) that no other reader holds or lies below; the reader must stop when
     * fewer than all are taken.
     * @return how many of the page's first issues the reader folds
     */
    synchronized int claim(int reader, long[] keyNumbers) {
        int taken = 0;
        for (long key : keyNumbers) {
            if (key < 1 || (low[reader] != 0 && key <= high[reader]) || !free(reader, key)) {
                break;
            }
            if (low[reader] == 0) {
                low[reader] = key;
            }
            high[reader] = key;
            taken++;
        }
        return taken;
    }

    /**
     * Whether the next key after this reader's claim can only be another reader's: no
     * page needs reading.
     */
    synchronized boolean reachedNext(int reader) {
        if (low[reader] == 0) {
            return false;
        }
        for (int other = 0; other < low.length; other++) {
            if (other != reader && low[other] == high[reader] + 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the reader has claimed anything (a reader that has cannot be dropped
     * without losing issues).
     */
    synchronized boolean claimedAny(int reader) {
        return low[reader] != 0;
    }

    private boolean free(int reader, long key) {
        for (int other = 0; other < low.length; other++) {
            if (other == reader || low[other] == 0) {
                continue;
            }
            boolean inside = low[other] <= key && key <= high[other];
            boolean passed = low[reader] != 0 && high[reader] < low[other] && low[other] <= key;
            if (inside || passed) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized String toString() {
        return "KeyClaims" + Arrays.toString(low) + Arrays.toString(high);
    }

}

package dev.throughline.grooming;

/**
 * Longest strictly increasing subsequence by patience sorting, O(n log n): each pile
 * keeps the index of its smallest top, and each element links to the top of the pile to
 * its left when it was placed.
 */
final class LongestIncreasingSubsequence {

    private LongestIncreasingSubsequence() {
    }

    /**
     * Which positions of {@code values} belong to one longest strictly increasing
     * subsequence.
     */
    static boolean[] membersOf(int[] values) {
        int n = values.length;
        int[] pileTop = new int[n]; // index into values of each pile's top
        int[] predecessor = new int[n];
        int piles = 0;
        for (int i = 0; i < n; i++) {
            int low = 0;
            int high = piles;
            while (low < high) { // leftmost pile whose top is >= values[i]
                int mid = (low + high) >>> 1;
                if (values[pileTop[mid]] < values[i]) {
                    low = mid + 1;
                }
                else {
                    high = mid;
                }
            }
            predecessor[i] = low > 0 ? pileTop[low - 1] : -1;
            pileTop[low] = i;
            if (low == piles) {
                piles++;
            }
        }
        boolean[] members = new boolean[n];
        for (int i = piles > 0 ? pileTop[piles - 1] : -1; i >= 0; i = predecessor[i]) {
            members[i] = true;
        }
        return members;
    }

}

package dev.throughline.program.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The searches of one program fetch still to start. It begins with one partition per
 * project in the program's order, so searching starts before the project sizes are known;
 * once they are ({@link #plan}), waiting partitions are taken longest first, and a
 * project with more pages than a fair share of the concurrency
 * ({@code ⌈Σ pages / concurrency⌉}) gets extra readers from key ranges further up (see
 * {@link KeyClaims}), up to the concurrency, each with at most half a fair share where
 * the concurrency allows.
 */
final class PartitionQueue {

    /**
     * Splitting costs up to one extra page per reader; below this many pages it cannot
     * pay off.
     */
    static final int MIN_PAGES_TO_SPLIT = 8;

    private final int pageSize;

    private final int concurrency;

    private final List<Partition> waiting = new ArrayList<>();

    private final Map<String, KeyClaims> claims;

    private boolean planned;

    PartitionQueue(List<String> projectKeys, int pageSize, int concurrency) {
        this.pageSize = pageSize;
        this.concurrency = concurrency;
        this.claims = new LinkedHashMap<>();
        for (String key : projectKeys) {
            KeyClaims projectClaims = new KeyClaims(concurrency);
            claims.put(key, projectClaims);
            waiting.add(new Partition(key, 0, OptionalLong.empty(), 0, projectClaims));
        }
    }

    /**
     * The next partition to search; empty when there is none left. Until the plan is
     * made, a worker that finds the queue empty waits for it, because the plan may add
     * key-range readers for the projects already running.
     */
    synchronized Optional<Partition> next() throws InterruptedException {
        while (waiting.isEmpty() && !planned) {
            wait();
        }
        return waiting.isEmpty() ? Optional.empty() : Optional.of(waiting.remove(0));
    }

    /**
     * Uses the projects' issue counts (those not known are left as they are): splits the
     * projects that would hold the fetch up, then orders the waiting partitions longest
     * first.
     *
     * Called once; with no counts (Jira did not say, or the project search failed)
     * nothing changes but the wait.
     * @return the partitions added for key ranges
     */
    synchronized List<Partition> plan(Map<String, Long> issueCounts) {
        if (planned) {
            return List.of();
        }
        planned = true;
        notifyAll();
        long totalPages = 0;
        for (String key : claims.keySet()) {
            totalPages += pages(issueCounts.getOrDefault(key, 0L));
        }
        long fairShare = Math.max(1, (totalPages + concurrency - 1) / concurrency);
        Map<String, Integer> readersOf = new HashMap<>();
        for (String key : claims.keySet()) {
            long pages = pages(issueCounts.getOrDefault(key, 0L));
            // pieces of at most half a fair share, so the longest-first order can even
            // out the workers' ends
            int readers = pages <= fairShare ? 1 : (int) Math.min(concurrency, ceil(2 * pages, fairShare));
            readersOf.put(key, pages < MIN_PAGES_TO_SPLIT ? 1 : Math.max(1, readers));
        }
        List<Partition> added = new ArrayList<>();
        List<Partition> replaced = new ArrayList<>();
        for (Partition partition : waiting) {
            long pages = pages(issueCounts.getOrDefault(partition.projectKey(), 0L));
            replaced.add(new Partition(partition.projectKey(), 0, OptionalLong.empty(),
                    ceil(pages, readersOf.get(partition.projectKey())), partition.claims()));
        }
        waiting.clear();
        waiting.addAll(replaced);
        for (Map.Entry<String, KeyClaims> project : claims.entrySet()) {
            long pages = pages(issueCounts.getOrDefault(project.getKey(), 0L));
            int readers = readersOf.get(project.getKey());
            long pagesPerReader = ceil(pages, readers);
            for (int reader = 1; reader < readers; reader++) {
                long start = 1 + reader * pagesPerReader * pageSize; // on a page edge:
                                                                     // reader 0 ends
                                                                     // without an extra
                                                                     // page
                long share = Math.min(pagesPerReader, pages - reader * pagesPerReader);
                added.add(new Partition(project.getKey(), reader, OptionalLong.of(start), Math.max(1, share),
                        project.getValue()));
            }
        }
        waiting.addAll(added);
        waiting.sort(Comparator.comparingLong(Partition::estimatedPages).reversed()); // stable:
                                                                                      // program
                                                                                      // order
                                                                                      // on
                                                                                      // ties
        return added;
    }

    private static long ceil(long value, long parts) {
        return (value + parts - 1) / parts;
    }

    private long pages(long issues) {
        return Math.max(1, (issues + pageSize - 1) / pageSize);
    }

}

package dev.throughline.scoring.service;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises read-check-write of one issue's score inside this app instance, so two saves racing through the
 * version check cannot both pass it. Striped: memory stays fixed however many issues are scored.
 * (Several app instances would need Jira to compare-and-set, which entity properties cannot.)
 */
final class IssueLocks {

    private static final int STRIPES = 256;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    IssueLocks() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    <T> T withLock(String siteKey, Collection<String> issueKeys, Supplier<T> action) {
        List<ReentrantLock> held = issueKeys.stream()
                .map(key -> Math.floorMod((siteKey + '/' + key).hashCode(), STRIPES))
                .distinct().sorted() // one global order, so two bulk writes cannot deadlock
                .map(index -> locks[index]).toList();
        held.forEach(ReentrantLock::lock);
        try {
            return action.get();
        } finally {
            held.forEach(ReentrantLock::unlock);
        }
    }
}

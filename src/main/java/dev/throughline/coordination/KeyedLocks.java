package dev.throughline.coordination;

import dev.throughline.problems.BusyException;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs an action while holding the locks of some keys of one site, across every app
 * instance that shares the database. Use it around every read-modify-write of Jira data
 * that Jira itself cannot compare-and-set (entity and app properties): read the current
 * value inside the lock, check its version, write, return.
 *
 * <p>
 * All keys of one call are taken in one global order, so two calls over overlapping keys
 * cannot deadlock. A thread that already holds a key (a nested call) does not wait for it
 * again. If the locks cannot all be had within the configured wait, the action does not
 * run and {@link BusyException} says "busy, try again" (503).
 */
public interface KeyedLocks {

    <T> T withLock(String siteKey, Collection<String> keys, Supplier<T> action);

    default <T> T withLock(String siteKey, String key, Supplier<T> action) {
        return withLock(siteKey, List.of(key), action);
    }

    default void withLock(String siteKey, String key, Runnable action) {
        withLock(siteKey, List.of(key), () -> {
            action.run();
            return null;
        });
    }

}

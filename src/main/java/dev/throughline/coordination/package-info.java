/**
 * What several app instances on one database need to agree on: {@link KeyedLocks} (one
 * writer at a time per key, across instances) and {@link ChangeFeed} (every instance
 * hears of a change that makes its cached copies stale). Features use the two interfaces;
 * the database code (PostgreSQL advisory locks, H2 row locks, the change table and its
 * poller) stays inside this package.
 */
package dev.throughline.coordination;

/**
 * What several app instances on one database need to agree on: {@link KeyedLocks} (one
 * writer at a time per key, across instances), {@link ChangeFeed} (every instance hears
 * of a change that makes its cached copies stale) and {@link SiteRevisions} (per-site
 * counters a view reads to know whether what it kept is still current). Features use the
 * interfaces; the database code (PostgreSQL advisory locks, H2 row locks, the change and
 * revision tables, the feed's poller) stays inside this package.
 */
package dev.throughline.coordination;

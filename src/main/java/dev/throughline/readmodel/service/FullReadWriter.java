package dev.throughline.readmodel.service;

import dev.throughline.readmodel.FoldRevisions;
import dev.throughline.readmodel.FoldRevisions.Part;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFactsStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Writes a full read's pages to the store on a thread of its own, so the searches never
 * wait for the database (a cold read wrote each page on the fold's path and took 8× the
 * old fetch's wall time). Pages wait in a bounded queue (a slow database slows the reads
 * instead of filling the heap) and are joined into batches of up to {@link #BATCH}
 * issues, one transaction each. A failed write is kept per project: the next page of that
 * project and {@link #await} throw it, so the fetch fails and nothing is recorded as
 * read.
 */
final class FullReadWriter {

    /**
     * At most the rows the store writes under one bump of revisions
     * ({@code JdbcIssueFacts}), so each batch bumps each part it writes exactly once and
     * {@link #written} can tell the read's own bumps from anyone else's.
     */
    static final int BATCH = 1000;

    private static final int PAGES_WAITING = 64;

    private record Page(String siteKey, List<IssueFacts> facts) {
    }

    private final IssueFactsStore store;

    private final BlockingQueue<Page> pages = new ArrayBlockingQueue<>(PAGES_WAITING);

    /**
     * One thread, gone after half a minute idle (a service made in a test leaves none).
     */
    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), runnable -> {
                Thread t = new Thread(runnable, "readmodel-writer");
                t.setDaemon(true);
                return t;
            });

    /** Pages queued or being written, per site and project. */
    private final Map<String, Integer> pending = new HashMap<>();

    private final Map<String, RuntimeException> failures = new HashMap<>();

    /** Per site and project: how many written batches bumped each of its parts. */
    private final Map<String, Map<Part, Long>> bumps = new HashMap<>();

    /** Per site and project: the batches that wrote its rows (each bumped the keys). */
    private final Map<String, Set<Long>> batches = new HashMap<>();

    private long batchCount;

    FullReadWriter(IssueFactsStore store) {
        this.store = store;
        thread.allowCoreThreadTimeOut(true);
    }

    /** A new full read of the projects: an earlier failure of theirs is forgotten. */
    synchronized void open(String siteKey, Collection<String> projects) {
        projects.forEach(p -> {
            failures.remove(key(siteKey, p));
            bumps.remove(key(siteKey, p));
            batches.remove(key(siteKey, p));
        });
    }

    /**
     * How much the batches written since {@link #open} bumped the projects' parts'
     * revisions (the site's keys once per batch): a part that moved further was written
     * by someone else too. Asked once, at the read's end: the counts are let go.
     */
    synchronized FoldRevisions written(String siteKey, Collection<String> projects) {
        Map<Part, Long> written = new HashMap<>();
        Set<Long> all = new HashSet<>();
        for (String project : projects) {
            Optional.ofNullable(bumps.remove(key(siteKey, project))).ifPresent(written::putAll);
            Optional.ofNullable(batches.remove(key(siteKey, project))).ifPresent(all::addAll);
        }
        written.put(Part.KEYS, (long) all.size());
        return new FoldRevisions(written);
    }

    /**
     * Queues a page, waiting while the queue is full.
     * @throws RuntimeException an earlier page of one of its projects failed to be
     * written
     */
    void write(String siteKey, Collection<IssueFacts> facts) {
        if (facts.isEmpty()) {
            return;
        }
        Set<String> projects = projects(siteKey, facts);
        synchronized (this) {
            Optional<RuntimeException> failed = failure(projects);
            if (failed.isPresent()) {
                throw failed.get();
            }
            projects.forEach(p -> pending.merge(p, 1, Integer::sum));
        }
        try {
            pages.put(new Page(siteKey, List.copyOf(facts)));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done(projects, Optional.empty());
            throw new IllegalStateException("interrupted while queueing a page for the read model", e);
        }
        thread.execute(this::drain);
    }

    /**
     * Waits until every queued page of these projects is written.
     * @return the first failed write of one of them, if any
     */
    synchronized Optional<RuntimeException> await(String siteKey, Collection<String> projects) {
        Set<String> keys = new LinkedHashSet<>();
        projects.forEach(p -> keys.add(key(siteKey, p)));
        boolean interrupted = false;
        while (keys.stream().anyMatch(pending::containsKey)) {
            try {
                wait();
            }
            catch (InterruptedException e) {
                // the pages must be written before the caller lets the projects go
                // (another
                // instance may read them next); the interrupt is kept for the caller
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return failure(keys);
    }

    /** Writes what is queued, joining pages into batches. */
    private void drain() {
        Page first;
        while ((first = pages.poll()) != null) {
            List<Page> batch = new ArrayList<>(List.of(first));
            int size = first.facts().size();
            Page next;
            while ((next = pages.peek()) != null && size + next.facts().size() <= BATCH
                    && next.siteKey().equals(first.siteKey()) && pages.remove(next)) {
                batch.add(next);
                size += next.facts().size();
            }
            List<IssueFacts> facts = new ArrayList<>(size);
            batch.forEach(page -> facts.addAll(page.facts()));
            Optional<RuntimeException> failure = Optional.empty();
            try {
                store.insertNew(first.siteKey(), facts);
                counted(first.siteKey(), facts);
            }
            catch (RuntimeException e) {
                failure = Optional.of(e);
            }
            for (Page page : batch) {
                done(projects(page.siteKey(), page.facts()), failure);
            }
        }
    }

    private synchronized void counted(String siteKey, List<IssueFacts> facts) {
        long batch = ++batchCount;
        Set<Part> parts = new HashSet<>();
        facts.forEach(f -> parts.add(Part.of(f)));
        for (Part part : parts) {
            bumps.computeIfAbsent(key(siteKey, part.projectKey()), k -> new HashMap<>()).merge(part, 1L, Long::sum);
            batches.computeIfAbsent(key(siteKey, part.projectKey()), k -> new HashSet<>()).add(batch);
        }
    }

    private synchronized void done(Set<String> projects, Optional<RuntimeException> failure) {
        for (String project : projects) {
            failure.ifPresent(e -> failures.putIfAbsent(project, e));
            pending.computeIfPresent(project, (k, n) -> n == 1 ? null : n - 1);
        }
        notifyAll();
    }

    private Optional<RuntimeException> failure(Set<String> keys) {
        return keys.stream().map(failures::get).filter(e -> e != null).findFirst();
    }

    private static Set<String> projects(String siteKey, Collection<IssueFacts> facts) {
        Set<String> projects = new LinkedHashSet<>();
        facts.forEach(f -> projects.add(key(siteKey, f.projectKey())));
        return projects;
    }

    private static String key(String siteKey, String projectKey) {
        return siteKey + '\n' + projectKey;
    }

}

package dev.throughline.program.service;

import dev.throughline.jira.JiraBadRequestException;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraException;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.JiraNotFoundException;
import dev.throughline.jira.SearchPage;
import dev.throughline.jira.SearchRequest;
import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.rollup.ProjectRollup;
import dev.throughline.program.rollup.RollupSettings;
import dev.throughline.readmodel.FactsOf;
import dev.throughline.readmodel.FoldRevisions;
import dev.throughline.readmodel.IssueFacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One fetch's searches: {@code concurrency} workers on the shared pool take partitions
 * from the queue until it is empty. A partition reads its pages in order, folds the
 * issues it claims and drops the page.
 */
final class FetchRun {

    /**
     * Where a run works: the search workers' pool, its size, and the pool that folds
     * pages.
     */
    record Pools(ExecutorService searches, int concurrency, ExecutorService folds) {
    }

    private final Pools pools;

    private final JiraClient client;

    private final ProgramDefinition program;

    private final List<String> projects;

    private final Consumer<List<IssueFacts>> sink;

    private final PartitionQueue queue;

    private final List<String> fields;

    private final Optional<String> pointsField;

    private final RollupSettings settings;

    private final AtomicLong read;

    /** Each partition's rollups by bucket of issue ids, per project. */
    private final Map<String, List<Map<Integer, ProjectRollup>>> parts = new LinkedHashMap<>();

    private final Map<String, Map<Integer, ProjectRollup>> buckets = new LinkedHashMap<>();

    private final Map<String, SkippedProject> skipped = new LinkedHashMap<>();

    private final List<CompletableFuture<Void>> lastFolds = new CopyOnWriteArrayList<>();

    private volatile boolean failed;

    /**
     * @param projects the program's projects this run reads (the others come from the
     * read model)
     * @param sink takes each page's facts, in page order, for the read model
     */
    FetchRun(Pools pools, JiraClient client, ProgramDefinition program, List<String> projects,
            Consumer<List<IssueFacts>> sink, PartitionQueue queue, List<String> fields, Optional<String> pointsField,
            RollupSettings settings, AtomicLong read) {
        this.pools = pools;
        this.client = client;
        this.program = program;
        this.projects = List.copyOf(projects);
        this.sink = sink;
        this.queue = queue;
        this.fields = fields;
        this.pointsField = pointsField;
        this.settings = settings;
        this.read = read;
    }

    Map<String, ProjectRollup> execute() {
        List<Future<?>> workers = new ArrayList<>();
        // as many workers as the concurrency: key-range readers may join later
        for (int i = 0; i < pools.concurrency(); i++) {
            workers.add(pools.searches().submit(this::work));
        }
        RuntimeException failure = null;
        for (Future<?> worker : workers) {
            try {
                worker.get(); // after a failure the others stop within a page
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = true;
                workers.forEach(f -> f.cancel(true));
                throw new IllegalStateException("interrupted while reading the program from Jira", e);
            }
            catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
                // the worker that failed first tells why; the others were only abandoned
                if (failure == null || failure instanceof CancellationException) {
                    failure = cause;
                }
            }
        }
        if (failure != null) {
            throw failure instanceof CancellationException ? foldFailure().orElse(failure) : failure;
        }
        for (CompletableFuture<Void> folding : lastFolds) {
            ProgramFetcher.join(folding);
        }
        Map<String, ProjectRollup> rollups = new LinkedHashMap<>();
        for (String projectKey : projects) {
            List<Map<Integer, ProjectRollup>> folded = parts.get(projectKey);
            if (folded != null && !skipped.containsKey(projectKey)) {
                // key-range partitions may share a bucket of ids
                Map<Integer, ProjectRollup> project = new HashMap<>();
                folded.forEach(part -> part.forEach((bucket, rollup) -> project.merge(bucket, rollup,
                        (one, other) -> ProjectRollup.merge(settings, List.of(one, other)))));
                buckets.put(projectKey, project);
                rollups.put(projectKey, ProjectRollup.merge(settings, project.values()));
            }
        }
        return rollups;
    }

    /**
     * The project's rollups by bucket of issue ids ({@code FoldRevisions.bucketOf}),
     * merged into what {@link #execute} answered, so a view can keep them.
     */
    Map<Integer, ProjectRollup> buckets(String projectKey) {
        return buckets.getOrDefault(projectKey, Map.of());
    }

    List<SkippedProject> skipped() {
        return projects.stream().filter(skipped::containsKey).map(skipped::get).toList();
    }

    private void work() {
        Optional<Partition> next;
        while (!failed && (next = nextPartition()).isPresent()) {
            Partition partition = next.get();
            try {
                // the last page folds while this worker already searches the next
                lastFolds.add(fold(partition).thenAccept(folded -> {
                    synchronized (this) {
                        parts.computeIfAbsent(partition.projectKey(), k -> new ArrayList<>()).add(folded);
                    }
                }).whenComplete((done, foldFailure) -> {
                    if (foldFailure != null) {
                        failed = true; // the others stop at their next page
                    }
                }));
            }
            catch (JiraBadRequestException | JiraNotFoundException refused) {
                // a key range Jira will not search, before it read anything, is covered
                // by the reader below
                if (partition.reader() == 0 || partition.claims().claimedAny(partition.reader())) {
                    synchronized (this) {
                        skipped.putIfAbsent(partition.projectKey(),
                                new SkippedProject(partition.projectKey(), reason(refused)));
                    }
                }
            }
            catch (RuntimeException e) {
                failed = true; // the others stop at their next page: the fetch fails
                throw e;
            }
        }
    }

    /**
     * Why a worker was abandoned when no search failed: a partition's last pages failed
     * to fold on the fold pool after its worker had moved on.
     */
    private Optional<RuntimeException> foldFailure() {
        for (CompletableFuture<Void> folding : lastFolds) {
            try {
                folding.join();
            }
            catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause && !(cause instanceof CancellationException)) {
                    return Optional.of(cause);
                }
            }
            catch (CancellationException e) {
                // abandoned too: look on
            }
        }
        return Optional.empty();
    }

    private Optional<Partition> nextPartition() {
        try {
            return queue.next();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("fetch abandoned");
        }
    }

    /**
     * Reads the partition's pages in order. Each page's issues are folded on the fold
     * pool while the next page is requested, so folding never delays the next search; at
     * most two pages wait to be folded.
     * @return the partition's rollups by bucket of ids once its last page is folded
     */
    private CompletableFuture<Map<Integer, ProjectRollup>> fold(Partition partition) {
        SearchRequest request = new SearchRequest(partition.jql(program.partitionJql(partition.projectKey())), fields,
                IssueMapper.properties(), ProgramFetcher.PAGE_SIZE);
        Map<Integer, ProjectRollup> rollup = new HashMap<>();
        CompletableFuture<Void> folded = CompletableFuture.completedFuture(null);
        CompletableFuture<Void> foldedBefore = folded;
        Optional<String> token = Optional.empty();
        try {
            do {
                if (failed || Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("fetch abandoned");
                }
                SearchPage page = client.searchPage(request, token);
                int taken = partition.claims().claim(partition.reader(), keyNumbers(page.keys()));
                // at most this page and the one before wait to be folded, so a slow fold
                // seldom holds up the next search; fields are parsed there too, in order
                foldedBefore.join();
                foldedBefore = folded;
                folded = folded.thenRunAsync(() -> {
                    List<IssueFacts> facts = new ArrayList<>(taken);
                    for (JiraIssue issue : page.issues().subList(0, taken)) {
                        // only the partition's own issues: anything else is not the
                        // program's to show (its own project's search finds it)
                        if (IssueMapper.ownProject(issue).equals(partition.projectKey())) {
                            IssueFacts issueFacts = FactsOf.of(issue, pointsField);
                            facts.add(issueFacts);
                            rollup
                                .computeIfAbsent(FoldRevisions.bucketOf(issueFacts.id()),
                                        b -> new ProjectRollup(settings))
                                .accept(IssueMapper.map(issueFacts, partition.projectKey(), settings.today(),
                                        IssueMapper.KEYS_AS_READ, issueFacts.subtaskCount()));
                        }
                    }
                    sink.accept(facts);
                    read.addAndGet(taken);
                }, pools.folds());
                boolean stop = taken < page.keys().size() || partition.claims().reachedNext(partition.reader());
                token = stop ? Optional.empty() : page.nextPageToken();
            }
            while (token.isPresent());
        }
        catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        return folded.thenApply(done -> rollup);
    }

    /**
     * The number of each issue key ("ABC-123" → 123), in page order; 0 for a key without
     * one.
     */
    private static long[] keyNumbers(List<String> keys) {
        long[] numbers = new long[keys.size()];
        for (int i = 0; i < numbers.length; i++) {
            String key = keys.get(i);
            int dash = key.lastIndexOf('-');
            try {
                numbers[i] = Long.parseLong(key.substring(dash + 1));
            }
            catch (NumberFormatException e) {
                numbers[i] = 0;
            }
        }
        return numbers;
    }

    private static String reason(JiraException e) {
        List<String> messages = new ArrayList<>(e.errorMessages());
        messages.addAll(e.errors().values());
        return messages.isEmpty() ? "Jira answered " + e.status() : String.join(" ", messages);
    }

}

package dev.throughline.theme.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFacts.IssueRef;
import dev.throughline.readmodel.IssueFacts.Level;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.ParentSet;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.readmodel.service.IssueSync;
import dev.throughline.readmodel.service.ReadModelServices;
import dev.throughline.readmodel.store.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.AdditionalAnswers;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The rows theme progress folds, kept between views ({@link KeptScopeRows}): a view with
 * nothing changed reads no row, a few changes read only their buckets, and writes through
 * another app instance's store over the same database are seen; the rows always equal a
 * cold read.
 */
class KeptScopeRowsTest {

    private static final String SITE = "site";

    private static final List<String> PROJECTS = List.of("WEB", "MOB");

    /** Row reads asked of the store (streams, keys, single issues). */
    private final AtomicLong reads = new AtomicLong();

    /** Rows the store handed over. */
    private final AtomicLong rows = new AtomicLong();

    private IssueFactsStore otherInstance;

    private ProjectIssues issues;

    /** This instance's store, counted. */
    private IssueFactsStore store;

    /**
     * Kept rows brought up to date by reading the changed buckets (the edits: see below).
     */
    private KeptScopeRows kept = new KeptScopeRows(Optional.empty());

    @BeforeEach
    void fill() {
        String database = "mem:kept-scope-" + UUID.randomUUID();
        otherInstance = ReadModelDatabase.h2Store(database);
        store = counted(ReadModelDatabase.h2Store(database));
        issues = ReadModelServices.projectIssues(new IssueSync(store, Clock.systemUTC(), Duration.ofMinutes(5)),
                Duration.ofMinutes(10));
        List<IssueFacts> all = new ArrayList<>();
        for (long id = 1; id <= 2000; id++) {
            all.add(issue(id, id % 2 == 0 ? "WEB" : "MOB", id));
        }
        otherInstance.insertNew(SITE, all);
    }

    /** Issues {@code from} to {@code to}, the even ones in WEB, the odd ones in MOB. */
    private void insertThroughAnotherInstance(long from, long to) {
        List<IssueFacts> more = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            more.add(issue(id, id % 2 == 0 ? "WEB" : "MOB", id));
        }
        otherInstance.insertNew(SITE, more);
    }

    /** Every 100th issue an epic, every tenth epic linked; the others their children. */
    private static IssueFacts issue(long id, String project, long seed) {
        boolean epic = id % 100 == 0;
        Optional<IssueRef> parent = epic ? Optional.empty()
                : Optional.of(new IssueRef(100 * (seed % 20 + 1), "WEB-" + 100 * (seed % 20 + 1)));
        return ThemeWorkTest.issue(id, project + "-" + id, epic ? Level.EPIC : Level.STANDARD, parent,
                epic && id % 1000 == 0 ? List.of("t" + id) : List.of());
    }

    @Test
    void aViewWithNothingChangedReadsNoRow() {
        assertThat(view()).isEqualTo(cold());
        reads.set(0);
        rows.set(0);

        assertThat(view()).isEqualTo(cold());
        assertThat(reads).as("row reads asked of the store").hasValue(0);
        assertThat(rows).as("rows handed over").hasValue(0);
    }

    @Test
    void aFewChangesReadOnlyTheirBuckets() {
        view();
        reads.set(0);
        rows.set(0);
        otherInstance.upsert(SITE, List.of(issue(1501, "MOB", 1).withThemes(List.of())));

        assertThat(view()).isEqualTo(cold());
        assertThat(rows.get()).as("rows handed over after one change").isPositive().isLessThanOrEqualTo(256);
    }

    @Test
    void mostBucketsChangedAreReadAsOnAFirstView() {
        // 48 buckets: more than the 16 always read by id range
        insertThroughAnotherInstance(2001, 6000);
        view();
        rows.set(0);
        List<IssueFacts> all = new ArrayList<>();
        otherInstance.forEach(SITE, PROJECTS, all::add);
        // a refresh that read every project again writes every row
        otherInstance.upsert(SITE, all);

        assertThat(view()).isEqualTo(cold());
        assertThat(rows.get()).as("rows handed over: the themed ones and their children, not every row")
            .isLessThan(all.size() / 2);
    }

    @Test
    void writesThroughAnotherInstanceAreSeen() {
        seesWritesThroughAnotherInstance();
    }

    @Test
    void writesThroughAnotherInstanceAreSeenByEdits() {
        kept = new KeptScopeRows(Optional.of(store));
        seesWritesThroughAnotherInstance();
    }

    @Test
    void manyEditsAcrossManyBucketsReadOnlyTheEditedRows() {
        insertThroughAnotherInstance(2001, 12000);
        kept = new KeptScopeRows(Optional.of(store));
        rows.set(0);
        view();
        long firstView = rows.get();
        Random random = new Random(15);
        Set<Integer> buckets = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            rows.set(0);
            for (int edit = 0; edit < 60; edit++) {
                long id = 1 + random.nextInt(12000);
                String project = id % 2 == 0 ? "WEB" : "MOB";
                IssueFacts facts = id % 100 == 0
                        ? issue(id, project, id).withThemes(random.nextBoolean() ? List.of("t" + id) : List.of())
                        : issue(id, project, random.nextInt(40));
                // through this instance and another, each write its own revision
                (edit % 2 == 0 ? otherInstance : store).upsert(SITE, List.of(facts));
                buckets.add((int) (id >>> 8));
            }
            // one bucket not described by edits: read again by id range
            otherInstance.upsert(SITE, List.of(issue(12001 + round, "MOB", round)));

            assertThat(view()).as("after round " + round).isEqualTo(cold());
            assertThat(rows.get()).as("rows and edits handed over after 60 edits")
                .isLessThan(firstView)
                .isLessThanOrEqualTo(60 + 256);
        }
        assertThat(buckets).as("buckets the edits fell in: more than a quarter of them").hasSizeGreaterThan(30);
    }

    @Test
    void theWorkFoldedByEditsEqualsAColdFold() {
        kept = new KeptScopeRows(Optional.of(store));
        theWorkIsFoldedOnceWhileItsRowsStayTheSame();
    }

    private void seesWritesThroughAnotherInstance() {
        view();
        otherInstance.upsert(SITE, List.of(issue(3, "MOB", 4)));
        assertThat(view()).as("after a re-parenting").isEqualTo(cold());

        otherInstance.upsert(SITE, List.of(issue(500, "WEB", 0).withThemes(List.of("t1"))));
        assertThat(view()).as("after an epic was linked").isEqualTo(cold());

        otherInstance.upsert(SITE, List.of(issue(1000, "WEB", 0).withThemes(List.of())));
        assertThat(view()).as("after an epic was unlinked").isEqualTo(cold());

        otherInstance.upsert(SITE, List.of(issue(2000, "APP", 0).withThemes(List.of("t2000"))));
        assertThat(view()).as("after a linked epic moved out").isEqualTo(cold());

        otherInstance.upsert(SITE, List.of(issue(1700, "WEB", 0).withThemes(List.of("t2"))));
        otherInstance.delete(SITE, List.of(1700L, 5L));
        assertThat(view()).as("after deletions").isEqualTo(cold());

        otherInstance.upsert(SITE, List.of(issue(5000, "MOB", 3)));
        assertThat(view()).as("after a new issue").isEqualTo(cold());

        otherInstance.forget(SITE, List.of("MOB"));
        assertThat(view()).as("after a project was forgotten").isEqualTo(cold());

        otherInstance.insertNew(SITE, List.of(issue(3, "MOB", 3), issue(7, "MOB", 9)));
        assertThat(view()).as("after it was read again").isEqualTo(cold());
    }

    @Test
    void theWorkIsFoldedOnceWhileItsRowsStayTheSame() {
        ThemeWork first = work(false);
        assertThat(work(false)).as("nothing changed: the kept fold").isSameAs(first);

        // re-parented under an epic no theme links: no scope changes
        otherInstance.upsert(SITE, List.of(issue(1501, "MOB", 7)));
        assertThat(work(false)).as("a change outside every scope").isSameAs(first);

        // re-parented under WEB-1000, linked to t1000
        otherInstance.upsert(SITE, List.of(issue(1503, "MOB", 9)));
        ThemeWork after = work(false);
        assertThat(after).as("a change in a scope").isNotSameAs(first).isEqualTo(coldWork());
        assertThat(after.scopes().get("t1000")).containsKey("MOB-1503");
        assertThat(after.scopes().get("t2000")).as("a scope the change did not reach is the same map")
            .isSameAs(first.scopes().get("t2000"));

        otherInstance.upsert(SITE, List.of(issue(700, "WEB", 0).withThemes(List.of("t700"))));
        assertThat(work(false)).as("after an epic was linked through another instance").isEqualTo(coldWork());
        ThemeWork kept = work(false);
        assertThat(work(true)).as("refresh folds again").isNotSameAs(kept).isEqualTo(kept);
    }

    /** The themes' work as a view folds it through the kept rows (Jira's count 0). */
    private ThemeWork work(boolean refresh) {
        return ThemeWork.read(jira(), jql -> 0, viewed(), kept.reader(viewed(), SITE), SITE, refresh);
    }

    /** The same folded from the database with nothing kept. */
    private ThemeWork coldWork() {
        return ThemeWork.read(jira(), jql -> 0, viewed(), new KeptScopeRows(Optional.empty()).reader(viewed(), SITE),
                SITE, false);
    }

    /** The read model holding both projects, synced (no Jira read). */
    private ProjectIssues viewed() {
        if (viewed == null) {
            viewed = mock(ProjectIssues.class, AdditionalAnswers.delegatesTo(issues));
            doReturn(PROJECTS).when(viewed).held(SITE);
            doNothing().when(viewed).sync(any(), eq(SITE), anyCollection());
            doNothing().when(viewed).reread(any(), eq(SITE), anyCollection());
        }
        return viewed;
    }

    private ProjectIssues viewed;

    /** Jira: a refresh's search finds no linked work beyond the read model's. */
    private static JiraClient jira() {
        JiraClient client = mock(JiraClient.class);
        when(client.search(any())).thenAnswer(call -> Stream.empty());
        return client;
    }

    private record Rows(Set<IssueFacts> themed, Set<IssueFacts> children) {
    }

    /** The rows as a view reads them through the kept rows. */
    private Rows view() {
        KeptScopeRows.Reader reader = kept.reader(issues, SITE);
        Set<IssueFacts> themed = new HashSet<>();
        reader.forEachThemed(PROJECTS, themed::add);
        Set<IssueFacts> children = new HashSet<>();
        reader.forEachChildOf(PROJECTS, parents(themed), children::add);
        return new Rows(themed, children);
    }

    /** The same rows read from the database with nothing kept. */
    private Rows cold() {
        Set<IssueFacts> themed = new HashSet<>();
        otherInstance.forEachThemed(SITE, PROJECTS, themed::add);
        Set<IssueFacts> children = new HashSet<>();
        otherInstance.forEachChildOf(SITE, PROJECTS, parents(themed), children::add);
        return new Rows(themed, children);
    }

    private static ParentSet parents(Set<IssueFacts> themed) {
        return new ParentSet(new HashSet<>(themed.stream().map(IssueFacts::id).toList()),
                new HashSet<>(themed.stream().map(IssueFacts::key).toList()));
    }

    /** The store, counting every row read it is asked for and every row it hands over. */
    @SuppressWarnings("unchecked")
    private IssueFactsStore counted(IssueFactsStore delegate) {
        Set<String> rowReads = Set.of("forEach", "forEachThemed", "forEachChildOf", "forEachIn", "keys", "byId", "ids");
        return (IssueFactsStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { IssueFactsStore.class }, (proxy, method, args) -> {
                    Object[] passed = args == null ? null : args.clone();
                    if (rowReads.contains(method.getName())) {
                        reads.incrementAndGet();
                    }
                    if (passed != null && passed[passed.length - 1] instanceof Consumer<?> sink) {
                        passed[passed.length - 1] = (Consumer<Object>) row -> {
                            rows.incrementAndGet();
                            ((Consumer<Object>) sink).accept(row);
                        };
                    }
                    try {
                        Object answer = method.invoke(delegate, passed);
                        if (method.getName().equals("editsIn") && answer instanceof Map<?, ?> found) {
                            reads.incrementAndGet();
                            found.values()
                                .forEach(edits -> ((Optional<List<?>>) edits)
                                    .ifPresent(list -> rows.addAndGet(list.size())));
                        }
                        return answer;
                    }
                    catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

}

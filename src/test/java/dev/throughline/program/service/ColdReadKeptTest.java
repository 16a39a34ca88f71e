package dev.throughline.program.service;

import dev.throughline.coordination.ChangeFeed;
import dev.throughline.coordination.Unlocked;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.program.ProgramDraft;
import dev.throughline.program.store.ProgramJiraStore;
import dev.throughline.readmodel.FactsOf;
import dev.throughline.readmodel.FoldRevisions;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.service.IssueSync;
import dev.throughline.readmodel.store.ReadModelDatabase;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.tenant.Caller;
import dev.throughline.tenant.Site;
import dev.throughline.theme.service.KeptCatalogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cold read leaves its buckets kept: the first warm view after it reads no row when
 * nothing changed, and folds again only the bucket an event wrote while the read's pages
 * were being written; the totals equal a cold fold of the read model.
 */
class ColdReadKeptTest {

    private static final String SITE = "cold-site";

    private final AtomicLong rowsRead = new AtomicLong();

    private JiraSandbox sandbox;

    private JiraClient real;

    private Caller admin;

    private String programId;

    private String database;

    private final List<JiraIssue> firstPage = new ArrayList<>();

    /** The issue an event changed while the read went on. */
    private volatile Optional<IssueFacts> changed = Optional.empty();

    private final List<ProgramRollupService> services = new ArrayList<>();

    @BeforeEach
    void start() {
        SandboxSite site = SandboxGenerator.generate(5, 3, 1500);
        sandbox = JiraSandbox.start(site);
        real = BenchJira.client(sandbox.baseUrl(), new BenchJira.Recorder());
        admin = Caller.of(new Site(SITE, URI.create(sandbox.baseUrl())), SandboxSite.ADMIN);
        List<String> keys = site.projects().stream().map(p -> p.key()).toList();
        programId = new ProgramService(BenchJira.clients(real), new ProgramJiraStore(), caller -> true, new Unlocked(),
                ChangeFeed.alone())
            .create(admin, ProgramDraft.parse(Map.of("name", "Cold", "projects", keys), false))
            .id();
        database = "mem:cold-" + UUID.randomUUID();
    }

    @AfterEach
    void stop() {
        services.forEach(ProgramRollupService::stop);
        sandbox.stop();
    }

    @Test
    void theFirstWarmViewAfterAColdReadReadsNoRow() {
        ProgramRollupService service = service(ReadModelFoldTest.counted(ReadModelDatabase.h2Store(database), rowsRead),
                real);
        ProgramRollup cold = service.rollup(admin, programId, false);
        service.invalidateSite(admin.site());
        rowsRead.set(0);

        ProgramRollup warm = service.rollup(admin, programId, false);

        assertThat(rowsRead).as("rows read by the first warm view").hasValue(0);
        assertThat(warm.result()).isEqualTo(cold.result()).isEqualTo(coldFold());
    }

    @Test
    void anEventDuringTheReadFoldsOnlyItsBucketAgain() {
        IssueFactsStore other = ReadModelDatabase.h2Store(database);
        // on the second page of a project, an event changes an issue of its first page
        JiraClient eventful = BenchJira.changingSearchPages(real, (request, token, page) -> {
            synchronized (firstPage) {
                if (token.isEmpty() && firstPage.isEmpty()) {
                    firstPage.addAll(page.issues());
                }
                else if (token.isPresent() && changed.isEmpty() && !firstPage.isEmpty()
                        && page.issues().stream().anyMatch(i -> sameProject(i, firstPage.get(0)))) {
                    IssueFacts edited = FactsOf.of(firstPage.get(0), real.storyPointsFieldId())
                        .withValue(new BigDecimal("99"), "RICE");
                    // after its page was written (an event that came first would write a
                    // new row, which moves the site's keys: then nothing is kept)
                    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while (other.byId(SITE, edited.id()).isEmpty() && System.nanoTime() < until) {
                        LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
                    }
                    other.upsert(SITE, List.of(edited));
                    changed = Optional.of(edited);
                }
            }
            return page;
        });
        ProgramRollupService service = service(ReadModelFoldTest.counted(ReadModelDatabase.h2Store(database), rowsRead),
                eventful);
        ProgramRollup cold = service.rollup(admin, programId, false);
        assertThat(changed).as("an event was applied between pages").isPresent();
        service.invalidateSite(admin.site());
        rowsRead.set(0);

        ProgramRollup warm = service.rollup(admin, programId, false);

        long bucket = FoldRevisions.bucketOf(changed.get().id());
        long inBucket = sandbox.site().issues().stream().filter(i -> FoldRevisions.bucketOf(i.id()) == bucket).count();
        // the bucket's rows (of every project: at most those) and the keys they name; a
        // fold of every bucket reads each row and each key (2 × 1,500)
        assertThat(rowsRead.get()).as("rows read by the first warm view")
            .isPositive()
            .isLessThanOrEqualTo(2 * inBucket)
            .isLessThan(sandbox.site().issues().size());
        assertThat(warm.result()).isEqualTo(coldFold());
        assertThat(cold.result().projects()).hasSameSizeAs(warm.result().projects());
    }

    private static boolean sameProject(JiraIssue one, JiraIssue other) {
        return one.key()
            .substring(0, one.key().indexOf('-'))
            .equals(other.key().substring(0, other.key().indexOf('-')));
    }

    /** A view of another instance, which keeps nothing: every project folded again. */
    private Object coldFold() {
        return service(ReadModelDatabase.h2Store(database), real).rollup(admin, programId, false).result();
    }

    private ProgramRollupService service(IssueFactsStore store, JiraClient client) {
        Clock clock = Clock.fixed(SandboxSite.DEFAULT_NOW, ZoneOffset.UTC);
        ProgramRollupService service = new ProgramRollupService(BenchJira.clients(client),
                new ProgramService(BenchJira.clients(client), new ProgramJiraStore(), caller -> true, new Unlocked(),
                        ChangeFeed.alone()),
                KeptCatalogs.of(clock), clock, 2, Duration.ofMinutes(10), Duration.ofSeconds(2),
                new IssueSync(store, clock, Duration.ofMinutes(5)));
        services.add(service);
        return service;
    }

}

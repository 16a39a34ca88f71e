package dev.throughline.program.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.MemoryIssueFacts;
import dev.throughline.readmodel.service.IssueSync;
import dev.throughline.readmodel.service.Reconciliation;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.http.JiraSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without property events (Forge has none), the scheduled reconciliation finds scores and
 * theme links another tool wrote or deleted by counting: two approximate counts when
 * nothing differs, and the issues with the property read again only when a count does; a
 * score or theme links another tool changed on an issue that had them by the record's
 * indexed date ({@code valueUpdated}, {@code themesUpdated}) since the last run.
 */
class PropertyReconciliationTest {

    /**
     * A quiet run over two projects (README, Read model): the refresh by {@code updated},
     * the changed records' search and the two property counts (1 each), the project total
     * (Jira's approximate count of the projects' issues against those held, 1; was the
     * project search, 1 + 2 projects, before nothing-gone was told by one count).
     */
    private static final int QUIET_RUN = 5;

    private final SandboxSite site = SandboxGenerator.generate(11, 2, 300);

    private final JiraSandbox sandbox = JiraSandbox.start(site);

    private final PointsMeter meter = new PointsMeter();

    private final JiraClient client = BenchJira.client(sandbox.baseUrl(), meter);

    private final MemoryIssueFacts store = new MemoryIssueFacts();

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    /**
     * The site's projects read in full, then reconciled once (a run the next one starts
     * from).
     */
    private Reconciliation readInFullAndReconciled() {
        IssueSync sync = new IssueSync(store, site.clock(), Duration.ofMinutes(5));
        List<String> projects = site.projects().stream().map(p -> p.key()).toList();
        sync.readInFull(client, "site", projects, client.storyPointsFieldId());
        Reconciliation reconciliation = new Reconciliation(sync, site.clock());
        reconciliation.run(client, "site");
        return reconciliation;
    }

    @Test
    void aPropertyWrittenOrDeletedWithoutAnEventIsRepairedByCountingFirst() {
        Reconciliation reconciliation = readInFullAndReconciled();
        meter.reset();

        reconciliation.run(client, "site");
        assertThat(meter.points.get())
            .as("nothing differs: the refresh, the changed records' search, the project counts and two property counts")
            .isLessThanOrEqualTo(10);

        SandboxIssue scored = site.issues().get(3);
        site.setIssueProperty(scored.key(), "throughline.value", Map.of("score", 77, "model", "RICE"));
        site.setIssueProperty(scored.key(), "throughline.themes", Map.of("themeIds", List.of("t9")));
        meter.reset();
        reconciliation.run(client, "site");

        IssueFacts repaired = store.byId("site", scored.id()).orElseThrow();
        assertThat(repaired.valueScore()).contains(new BigDecimal("77"));
        assertThat(repaired.themeIds()).containsExactly("t9");
        site.issueProperties().delete(String.valueOf(scored.id()), "throughline.value");
        reconciliation.run(client, "site");
        assertThat(store.byId("site", scored.id()).flatMap(IssueFacts::valueScore)).isEmpty();
        assertThat(store.byId("site", scored.id()).orElseThrow().themeIds()).containsExactly("t9");
    }

    @Test
    void aScoreAnotherToolChangedWithoutAnEventIsFoundByItsIndexedDate() {
        SandboxIssue scored = site.issues().get(5);
        site.setIssueProperty(scored.key(), "throughline.value", PropertyEdits.record(site, 40));
        site.advance(Duration.ofHours(1));
        Reconciliation reconciliation = readInFullAndReconciled();
        site.advance(Duration.ofHours(6));
        meter.reset();

        reconciliation.run(client, "site");
        assertThat(meter.points.get()).as("nothing changed: " + meter.requests.get() + " requests")
            .isEqualTo(QUIET_RUN);
        assertThat(meter.requests.get()).isEqualTo(5);

        site.advance(Duration.ofHours(3));
        site.setIssueProperty(scored.key(), "throughline.value", PropertyEdits.record(site, 90));
        site.advance(Duration.ofHours(3));
        assertThat(store.byId("site", scored.id()).flatMap(IssueFacts::valueScore)).contains(new BigDecimal("40"));
        meter.reset();
        reconciliation.run(client, "site");

        assertThat(store.byId("site", scored.id()).flatMap(IssueFacts::valueScore)).contains(new BigDecimal("90"));
        assertThat(meter.points.get()).as("the changed record: 1 point more than a quiet run").isEqualTo(QUIET_RUN + 1);
    }

    @Test
    void themeLinksAnotherToolChangedWithoutAnEventAreFoundByTheirIndexedDate() {
        SandboxIssue linked = site.issues().get(7);
        site.setIssueProperty(linked.key(), "throughline.themes", Map.of("themeIds", List.of("t1")));
        site.advance(Duration.ofHours(1));
        Reconciliation reconciliation = readInFullAndReconciled();
        site.advance(Duration.ofHours(6));
        meter.reset();
        reconciliation.run(client, "site");
        assertThat(meter.points.get()).as("nothing changed").isEqualTo(QUIET_RUN);

        site.advance(Duration.ofHours(3));
        site.setIssueProperty(linked.key(), "throughline.themes", Map.of("themeIds", List.of("t2"), "updatedAt",
                site.now().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "")));
        site.advance(Duration.ofHours(3));
        assertThat(store.byId("site", linked.id()).orElseThrow().themeIds()).as("same count: not seen yet")
            .containsExactly("t1");
        meter.reset();
        reconciliation.run(client, "site");

        assertThat(store.byId("site", linked.id()).orElseThrow().themeIds()).containsExactly("t2");
        assertThat(meter.points.get()).as("the changed links: 1 point more than a quiet run").isEqualTo(QUIET_RUN + 1);
    }

}

package dev.throughline.planning.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.IssueStatus;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import dev.throughline.support.SettableClock;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Committing a stored plan and its history end to end, through the Connect door against
 * the sandbox site: planners commit (readers get 403), and once the period ends the
 * history says committed versus delivered, with an item done late not delivered.
 */
@Import(PlanCommitApiTest.Clocks.class)
class PlanCommitApiTest extends InstalledSiteTest {

    private static final String PM = SandboxSite.ADMIN;

    private static final String READER = "commit-reader";

    private static final String MOB_ONLY = "mob-only-reader";

    private static final String ADDON = "throughline";

    private static final String APP_PROPERTY_DELETE = "DELETE /rest/atlassian-connect/1/addons/{addonKey}/properties/{propertyKey}";

    /** The app's clock, moved with the sandbox's in step. */
    static final SettableClock CLOCK = new SettableClock(SandboxSite.DEFAULT_NOW);

    /** Deliberately no {@code @Configuration}: only this test imports it. */
    static class Clocks {

        @Bean
        @Primary
        Clock settableClock() {
            return CLOCK;
        }

    }

    @Override
    protected void seed(SandboxSite site) {
        CLOCK.set(site.now());
        site.addUser(READER, "Reader");
        site.grant(READER, "WEB", "BROWSE_PROJECTS").grant(READER, "MOB", "BROWSE_PROJECTS");
        site.addUser(MOB_ONLY, "Mobile reader");
        site.grant(MOB_ONLY, "MOB", "BROWSE_PROJECTS");
    }

    /** Scores the open stories of every open WEB and MOB epic with RICE. */
    private void scoreEpics() {
        PlanSiteTest.scoreEpics(app(), site, connect.contextToken(PM));
    }

    @Test
    void plannersCommitAndTheHistoryComparesCommittedWithDelivered() {
        scoreEpics();
        Planned plan = plan();
        String base = plan.base();
        String quarter = plan.quarter();
        String id = plan.id();

        AppUnderTest.Reply reader = app().post(base + "/" + id + "/commit", "{}", connect.contextToken(READER));
        assertThat(reader.status()).as(reader.body()).isEqualTo(403);

        AppUnderTest.Reply committed = app().post(base + "/" + id + "/commit", "{}", connect.contextToken(PM));
        assertThat(committed.status()).as(committed.body()).isEqualTo(200);
        JsonNode snapshot = committed.json();
        assertThat(snapshot.path("planId").asText()).isEqualTo(id);
        assertThat(snapshot.path("periods").get(0).path("period").asText()).isEqualTo(quarter);
        assertThat(snapshot.path("predictability").size()).isZero();
        List<String> keys = new ArrayList<>(snapshot.path("items").findValuesAsText("key"));
        assertThat(keys).hasSizeGreaterThanOrEqualTo(2);
        for (JsonNode item : snapshot.path("items")) {
            assertThat(item.path("period").asText()).isEqualTo(quarter);
        }

        AppUnderTest.Reply before = app().get(base + "/" + id + "/history", connect.contextToken(READER));
        assertThat(before.status()).as(before.body()).isEqualTo(200);
        assertThat(before.json().size()).isEqualTo(1);
        assertThat(before.json().get(0).path("predictability").size()).as("the period has not ended").isZero();

        site.transition(keys.get(0), IssueStatus.DONE); // in time
        LocalDate end = LocalDate.parse(snapshot.path("periods").get(0).path("end").asText());
        Duration past = Duration.between(site.now(), end.plusDays(10).atStartOfDay().toInstant(ZoneOffset.UTC));
        site.advance(past);
        CLOCK.move(past);
        site.transition(keys.get(1), IssueStatus.DONE); // late

        AppUnderTest.Reply history = app().get(base + "/" + id + "/history", connect.contextToken(READER));
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        JsonNode rows = history.json().get(0).path("predictability");
        JsonNode whole = null;
        for (JsonNode row : rows) {
            assertThat(row.path("period").asText()).isEqualTo(quarter);
            whole = row.path("team").asText().equals("*") ? row : whole;
        }
        assertThat(whole).as(rows.toString()).isNotNull();
        assertThat(whole.path("committedItems").asInt()).isEqualTo(keys.size());
        assertThat(whole.path("deliveredItems").asInt()).isEqualTo(1);
        assertThat(whole.path("share").asDouble()).isEqualTo(1.0 / keys.size());
        assertThat(rows.size()).isGreaterThan(1);

        // a viewer who may not browse WEB: its committed items are counted, never named
        long web = snapshot.path("items").findValuesAsText("team").stream().filter("WEB"::equals).count();
        assertThat(web).isPositive();
        AppUnderTest.Reply partial = app().get(base + "/" + id + "/history", connect.contextToken(MOB_ONLY));
        assertThat(partial.status()).as(partial.body()).isEqualTo(200);
        JsonNode seen = partial.json().get(0);
        assertThat(seen.path("hiddenItems").asLong()).isEqualTo(web);
        assertThat(seen.toString()).doesNotContain("WEB");
    }

    /** A stored plan: its program's plans path, its id and its one quarter. */
    private record Planned(String base, String id, String quarter) {
    }

    /**
     * A program over WEB and MOB and its one-quarter plan on RICE, with room for every
     * epic.
     */
    private Planned plan() {
        String program = app()
            .post("/api/programs", "{\"name\":\"Launch\",\"projects\":[\"WEB\",\"MOB\"]}", connect.contextToken(PM))
            .json()
            .path("id")
            .asText();
        String base = "/api/programs/" + program + "/plans";
        String quarter = app().get(base + "/inputs?quarters=1", connect.contextToken(PM))
            .json()
            .path("periods")
            .get(0)
            .asText();
        String id = app().post(base,
                "{\"name\":\"Next\",\"quarters\":1,\"model\":\"RICE\",\"capacity\":{\"WEB\":{\"%1$s\":1000},\"MOB\":{\"%1$s\":1000}}}"
                    .formatted(quarter),
                connect.contextToken(PM))
            .json()
            .path("id")
            .asText();
        return new Planned(base, id, quarter);
    }

    /** The app properties holding the plan's snapshots and their index. */
    private List<String> snapshotProperties(String planId) {
        return site.appProperties()
            .keys(ADDON)
            .stream()
            .filter(k -> k.startsWith("throughline.plans.snapshot." + planId + ".")
                    || k.equals("throughline.plans.snapshots." + planId))
            .sorted()
            .toList();
    }

    @Test
    void theTwentyFirstCommitDropsTheOldestSnapshot() {
        scoreEpics();
        Planned plan = plan();
        List<String> committedAt = new ArrayList<>();
        for (int n = 1; n <= 21; n++) {
            CLOCK.move(Duration.ofMinutes(1));
            AppUnderTest.Reply committed = app().post(plan.base() + "/" + plan.id() + "/commit", "{}",
                    connect.contextToken(PM));
            assertThat(committed.status()).as(committed.body()).isEqualTo(200);
            committedAt.add(committed.json().path("committedAt").asText());
        }

        AppUnderTest.Reply history = app().get(plan.base() + "/" + plan.id() + "/history", connect.contextToken(PM));
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.json().findValuesAsText("committedAt")).as("the 20 newest, oldest first")
            .containsExactlyElementsOf(committedAt.subList(1, 21));
        List<String> kept = snapshotProperties(plan.id());
        assertThat(kept).hasSize(21) // 20 snapshots and their index
            .doesNotContain("throughline.plans.snapshot." + plan.id() + ".1")
            .contains("throughline.plans.snapshot." + plan.id() + ".2",
                    "throughline.plans.snapshot." + plan.id() + ".21");
    }

    @Test
    void deletingAPlanDeletesItsSnapshotsAndSaysWhatIsLeftWhenJiraFailsHalfWay() {
        scoreEpics();
        Planned plan = plan();
        for (int n = 1; n <= 3; n++) {
            assertThat(app().post(plan.base() + "/" + plan.id() + "/commit", "{}", connect.contextToken(PM)).status())
                .isEqualTo(200);
        }
        assertThat(snapshotProperties(plan.id())).hasSize(4);
        String snapshot = "throughline.plans.snapshot." + plan.id() + ".";

        // Jira deletes the first snapshot, then fails: the plan and the rest are kept
        jira.failAfter(APP_PROPERTY_DELETE, 1, 1, 400);
        AppUnderTest.Reply stopped = app().delete(plan.base() + "/" + plan.id(), connect.contextToken(PM));
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(207);
        JsonNode answer = stopped.json();
        assertThat(answer.path("partial").asBoolean()).isTrue();
        assertThat(answer.path("applied").path("count").asInt()).isEqualTo(1);
        assertThat(answer.path("applied").path("keys").get(0).asText()).isEqualTo(snapshot + "1");
        List<String> left = new ArrayList<>();
        answer.path("notApplied").path("keys").forEach(k -> left.add(k.asText()));
        assertThat(left).containsExactly(snapshot + "2", snapshot + "3", "throughline.plans.snapshots." + plan.id(),
                "throughline.plans.item." + plan.id());
        assertThat(answer.path("message").asText()).startsWith("The plan was not deleted: Jira failed (")
            .contains("after 1 of its 3 commit snapshots were deleted")
            .endsWith("delete it again to finish.");
        assertThat(app().get(plan.base() + "/" + plan.id(), connect.contextToken(PM)).status()).isEqualTo(200);
        assertThat(snapshotProperties(plan.id())).hasSize(3);

        // asked again, it finishes: no property of the plan is left
        AppUnderTest.Reply deleted = app().delete(plan.base() + "/" + plan.id(), connect.contextToken(PM));
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(snapshotProperties(plan.id())).isEmpty();
        assertThat(site.appProperties().keys(ADDON)).doesNotContain("throughline.plans.item." + plan.id());
        assertThat(app().get(plan.base() + "/" + plan.id(), connect.contextToken(PM)).status()).isEqualTo(404);
        assertThat(app().get(plan.base() + "/" + plan.id() + "/history", connect.contextToken(PM)).status())
            .isEqualTo(404);
    }

}

package dev.throughline.planning.web;

import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox site the planning API tests share: a planner who may browse WEB and MOB
 * (and edit WEB's issues), a reader who may browse WEB only, and a program over both.
 */
abstract class PlanSiteTest extends InstalledSiteTest {

    static final String PM = "plan-pm";

    static final String READER = "plan-reader";

    @Override
    protected void seed(SandboxSite site) {
        site.addUser(PM, "Program Manager");
        site.grant(PM, "WEB", "BROWSE_PROJECTS").grant(PM, "WEB", "EDIT_ISSUES").grant(PM, "MOB", "BROWSE_PROJECTS");
        site.addUser(READER, "Reader");
        site.grant(READER, "WEB", "BROWSE_PROJECTS");
    }

    @Override
    protected void afterInstall() {
        namePlanners(connect, List.of(PM), List.of());
    }

    String program() {
        AppUnderTest.Reply reply = app().post("/api/programs", "{\"name\":\"Launch\",\"projects\":[\"WEB\",\"MOB\"]}",
                connect.contextToken(PM));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asText();
    }

    /**
     * The standard done items {@code counted} resolved in each full week of the window,
     * oldest first (the rule of {@code MeasuredThroughput}).
     */
    double[] doneWeeks(int weeks, Predicate<SandboxIssue> counted) {
        LocalDate thisWeek = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        double[] done = new double[weeks];
        for (SandboxIssue issue : site.issues()) {
            if (!counted.test(issue) || !issue.type().standard() || !issue.status().done()) {
                continue;
            }
            LocalDate monday = LocalDate.ofInstant(issue.resolved(), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            long ago = ChronoUnit.WEEKS.between(monday, thisWeek);
            if (ago >= 1 && ago <= weeks) {
                done[(int) (weeks - ago)]++;
            }
        }
        return done;
    }

    static void scoreEpics(AppUnderTest app, SandboxSite site, String token) {
        List<String> stories = new ArrayList<>();
        for (SandboxIssue epic : site.issues()) {
            if (epic.type() != IssueType.EPIC || epic.status().done() || epic.projectKey().equals("PLAT")) {
                continue;
            }
            site.issues()
                .stream()
                .filter(i -> i.parentId() == epic.id() && !i.type().subtask() && !i.status().done())
                .forEach(story -> stories.add(story.key()));
        }
        assertThat(stories).hasSizeGreaterThanOrEqualTo(2);
        StringBuilder items = new StringBuilder();
        for (String key : stories) {
            items.append(items.isEmpty() ? "" : ",")
                .append("{\"issueKey\":\"%s\",\"model\":\"RICE\",\"version\":0,\"inputs\":".formatted(key))
                .append("{\"reach\":100,\"impact\":1,\"confidence\":100,\"effort\":1}}");
        }
        AppUnderTest.Reply scored = app.post("/api/value/bulk", "{\"items\":[" + items + "]}", token);
        assertThat(scored.status()).as(scored.body()).isEqualTo(200);
    }

}

package dev.throughline.grooming.service;

import com.atlassian.connect.spring.AtlassianHostRestClients;
import dev.throughline.coordination.Unlocked;
import dev.throughline.grooming.RankPlan;
import dev.throughline.grooming.store.UndoJiraStore;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClientSettings;
import dev.throughline.jira.JiraClients;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.scoring.service.IssueValueService;
import dev.throughline.settings.service.SiteSettingsService;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import dev.throughline.tenant.Caller;
import dev.throughline.tenant.Site;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An apply whose app instance dies after k of n rank calls (a service whose Jira client
 * stops the process at the (k+1)th call) is resumed by the same apply sent to a fresh
 * instance: its journal, written before the first rank call, says where it may have got
 * to, so nothing is refused as a conflict and nothing is ranked twice.
 */
class ApplyCrashResumeTest extends InstalledSiteTest {

    static final String PO = "po-crash";
    static final long BOARD = 1;

    @Autowired
    AtlassianHostRestClients restClients;

    @Autowired
    JiraClientSettings settings;

    @Autowired
    UndoJiraStore undo;

    @Autowired
    ProjectIssues projectIssues;

    @Autowired
    BacklogCache cache;

    @Autowired
    IssueValueService values;

    @Autowired
    SiteSettingsService siteSettings;

    @Autowired
    Clock clock;

    /** What a crash looks like from inside: nothing after it runs. */
    static final class ProcessDied extends Error {

    }

    @Override
    protected void seed(SandboxSite site) {
        String project = site.projectById(site.board(BOARD).orElseThrow().projectId()).key();
        site.addUser(PO, "Product Owner");
        site.grant(PO, project, "BROWSE_PROJECTS").grant(PO, project, "SCHEDULE_ISSUES");
    }

    /**
     * A service instance whose Jira client lets {@code ranks} rank calls through, then
     * dies at the next one.
     */
    GroomingService dyingAfter(int ranks) {
        AtomicInteger calls = new AtomicInteger();
        JiraClients clients = new JiraClients(hosts, restClients, settings, "throughline") {
            @Override
            public JiraClient forSite(Site site) {
                JiraClient real = super.forSite(site);
                return (JiraClient) Proxy.newProxyInstance(JiraClient.class.getClassLoader(),
                        new Class<?>[] { JiraClient.class }, (proxy, method, args) -> {
                            if (method.getName().equals("rank") && calls.incrementAndGet() > ranks) {
                                throw new ProcessDied();
                            }
                            try {
                                return method.invoke(real, args);
                            }
                            catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
        return new GroomingService(clients, undo, cache, values, siteSettings, clock, new Unlocked(), null,
                projectIssues);
    }

    List<String> backlogKeys() {
        return site.backlog(BOARD).stream().map(SandboxIssue::key).toList();
    }

    static String json(List<String> keys) {
        return "[\"" + String.join("\",\"", keys) + "\"]";
    }

    @Test
    void anApplyInterruptedByACrashAfterTwoOfItsRankCallsIsResumedByTheSameRequestWithoutRankingTwice() {
        List<String> before = backlogKeys();
        List<String> target = new ArrayList<>(before);
        Collections.swap(target, 0, 40);
        Collections.swap(target, 10, 30);
        Collections.swap(target, 45, 50);
        RankPlan plan = RankPlan.between(before, target);
        assertThat(plan.calls()).isGreaterThan(2);
        jira.resetTraffic();
        Caller caller = Caller.of(new Site(connect.clientKey(), URI.create(jira.baseUrl())), PO);

        assertThatThrownBy(() -> dyingAfter(2).apply(caller, BOARD, target, before)).isInstanceOf(ProcessDied.class);
        assertThat(jira.servedCount(JiraSandbox.RANK)).isEqualTo(2);
        assertThat(backlogKeys()).isNotEqualTo(before).isNotEqualTo(target);

        // the same request, to the app (a fresh instance over the same Jira and journal)
        AppUnderTest.Reply resumed = app().post("/api/boards/" + BOARD + "/apply",
                "{\"order\":" + json(target) + ",\"expectedCurrent\":" + json(before) + "}", connect.contextToken(PO));

        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.json().path("resumed").asBoolean()).isTrue();
        assertThat(resumed.json().path("complete").asBoolean()).isTrue();
        assertThat(backlogKeys()).isEqualTo(target);
        assertThat(jira.servedCount(JiraSandbox.RANK)).isEqualTo(plan.calls());
        plan.movedKeys().forEach(key -> assertThat(site.timesRanked(key)).as(key).isEqualTo(1));
        // the undo point is the order before the interrupted apply
        app().post("/api/boards/" + BOARD + "/undo", "{}", connect.contextToken(PO));
        assertThat(backlogKeys()).isEqualTo(before);
    }

}

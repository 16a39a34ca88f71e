package dev.throughline.program.web;

import dev.throughline.sandbox.IssueStatus;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import dev.throughline.support.IssueEventJson;
import dev.throughline.support.JiraTokenSigner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program report page through the real Connect filters, and Jira's webhooks keeping
 * cached rollups fresh.
 */
class ProgramReportAndWebhookTest extends InstalledSiteTest {

    private static final String PM = "pgm-report";

    private static final String WEBHOOK = "/webhooks/jira";

    @Override
    protected void seed(SandboxSite site) {
        site.addUser(PM, "Program Manager");
        List.of("WEB", "MOB", "PLAT").forEach(key -> site.grant(PM, key, "BROWSE_PROJECTS"));
        site.grantGlobal(PM, "ADMINISTER"); // creates the programs
    }

    private String createProgram(String... projects) {
        String keys = List.of(projects).stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(","));
        AppUnderTest.Reply reply = app().post("/api/programs",
                "{\"name\":\"Program " + UUID.randomUUID() + "\",\"projects\":[" + keys + "]}",
                connect.contextToken(PM));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asText();
    }

    /** Rolls the program up and answers how many searches Jira served for it. */
    private int searchesFor(String id) {
        int before = jira.servedCount(JiraSandbox.SEARCH);
        AppUnderTest.Reply reply = app().get("/api/programs/" + id + "/rollup", connect.contextToken(PM));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return jira.servedCount(JiraSandbox.SEARCH) - before;
    }

    private AppUnderTest.Reply webhook(String body) {
        return app().post(WEBHOOK, body, connect.requestToken("POST", WEBHOOK, "", null));
    }

    private static String issueEvent(String event, String projectKey) {
        return "{\"timestamp\":1764000000000,\"webhookEvent\":\"" + event
                + "\",\"issue_event_type_name\":\"issue_generic\"," + "\"issue\":{\"id\":\"10001\",\"key\":\""
                + projectKey + "-1\",\"fields\":{\"project\":{\"id\":\"10000\",\"key\":\"" + projectKey
                + "\",\"name\":\"" + projectKey + "\"}}}}";
    }

    @Test
    void reportPageOpensFromJirasSignedUrlAndServesChartJs() {
        String path = "/pages/programs";

        AppUnderTest.Reply page = app().get(path, connect.requestToken("GET", path, "", PM));

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<h2>Programs</h2>", "/webjars/chart.js/4.4.1/dist/chart.umd-",
                "/js/programs-");
        assertThat(app().get("/webjars/chart.js/4.4.1/dist/chart.umd.js", null).status()).isEqualTo(200);
        assertThat(app().get("/js/programs.js", null).status()).isEqualTo(200);
        assertThat(app().get(path, null).status()).isEqualTo(401);
    }

    @Test
    void anIssueWebhookRefreshesExactlyTheProgramsThatReadItsProject() {
        String web = createProgram("WEB", "MOB");
        String plat = createProgram("PLAT");
        assertThat(searchesFor(web)).isPositive();
        assertThat(searchesFor(plat)).isPositive();
        assertThat(searchesFor(web)).as("cached").isZero();
        assertThat(searchesFor(plat)).as("cached").isZero();

        AppUnderTest.Reply reply = webhook(issueEvent("jira:issue_updated", "MOB"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
        assertThat(searchesFor(web)).as("the program reading MOB searches again").isPositive();
        assertThat(searchesFor(plat)).as("the program without MOB keeps its cache").isZero();
    }

    /**
     * A refined program's membership follows an issue event whose fields decide the
     * refinement: the issue leaves it with no search at the next view.
     */
    @Test
    void aRefinedProgramFollowsAnIssueEventWithoutASearch() {
        AppUnderTest.Reply created = app().post("/api/programs",
                "{\"name\":\"Open work\",\"projects\":[\"WEB\"],\"jql\":\"status != Done\"}", connect.contextToken(PM));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(searchesFor(id)).isPositive();
        String before = app().get("/api/programs/" + id + "/rollup", connect.contextToken(PM))
            .json()
            .path("groups")
            .toString();
        SandboxIssue open = jira.site()
            .issues()
            .stream()
            .filter(i -> i.projectKey().equals("WEB") && i.status() == IssueStatus.IN_PROGRESS
                    && i.type() == IssueType.STORY)
            .findFirst()
            .orElseThrow();
        SandboxIssue done = jira.site().transition(open.key(), IssueStatus.DONE);

        AppUnderTest.Reply reply = webhook("{\"timestamp\":1764000000000,\"webhookEvent\":\"jira:issue_updated\","
                + IssueEventJson.issueMember(jira.site(), done) + "}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
        assertThat(searchesFor(id)).as("decided by the event's fields").isZero();
        assertThat(
                app().get("/api/programs/" + id + "/rollup", connect.contextToken(PM)).json().path("groups").toString())
            .as("the issue left")
            .isNotEqualTo(before);
    }

    @Test
    void createdAndDeletedIssuesRefreshTheirProjectsProgramsToo() {
        String web = createProgram("WEB");
        String plat = createProgram("PLAT");
        searchesFor(web);
        searchesFor(plat);

        assertThat(webhook(issueEvent("jira:issue_created", "PLAT")).status()).isEqualTo(204);
        assertThat(searchesFor(web)).isZero();
        assertThat(searchesFor(plat)).isPositive();

        assertThat(webhook(issueEvent("jira:issue_deleted", "WEB")).status()).isEqualTo(204);
        assertThat(searchesFor(web)).isPositive();
        assertThat(searchesFor(plat)).isZero();
    }

    @Test
    void anIssueLinkWebhookRefreshesEveryCachedProgramOfTheSite() {
        String web = createProgram("WEB");
        String plat = createProgram("PLAT");
        searchesFor(web);
        searchesFor(plat);

        AppUnderTest.Reply reply = webhook("{\"timestamp\":1764000000000,\"webhookEvent\":\"issuelink_created\","
                + "\"issueLink\":{\"id\":10100,\"sourceIssueId\":10001,\"destinationIssueId\":10002,"
                + "\"issueLinkType\":{\"id\":10000,\"name\":\"Blocks\"}}}");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(searchesFor(web)).isPositive();
        assertThat(searchesFor(plat)).isPositive();
    }

    @Test
    void aWebhookOfAnotherSiteLeavesThisSitesCacheAlone() {
        String web = createProgram("WEB");
        searchesFor(web);
        JiraTokenSigner other = new JiraTokenSigner("report-other-" + UUID.randomUUID(), jira.baseUrl());
        install(other);

        AppUnderTest.Reply reply = app().post(WEBHOOK, issueEvent("jira:issue_updated", "WEB"),
                other.requestToken("POST", WEBHOOK, "", null));

        assertThat(reply.status()).isEqualTo(204);
        assertThat(searchesFor(web)).isZero();
    }

    @Test
    void payloadsWeDoNotUnderstandAreAcceptedAndChangeNothing() {
        String web = createProgram("WEB");
        searchesFor(web);

        assertThat(webhook("{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"key\":\"WEB-1\"}}").status())
            .isEqualTo(204);
        assertThat(webhook("{\"webhookEvent\":\"comment_created\"}").status()).isEqualTo(204);
        assertThat(webhook("not json").status()).isEqualTo(204);
        assertThat(webhook("{}").status()).isEqualTo(204);

        assertThat(searchesFor(web)).isZero();
    }

    @Test
    void unsignedOrWronglySignedWebhooksAreRefused() {
        String web = createProgram("WEB");
        searchesFor(web);

        AppUnderTest.Reply unsigned = app().post(WEBHOOK, issueEvent("jira:issue_updated", "WEB"), null);
        AppUnderTest.Reply contextToken = app().post(WEBHOOK, issueEvent("jira:issue_updated", "WEB"),
                connect.contextToken(PM));
        AppUnderTest.Reply otherPath = app().post(WEBHOOK, issueEvent("jira:issue_updated", "WEB"),
                connect.requestToken("POST", "/webhooks/other", "", null));

        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(contextToken.status()).isEqualTo(401);
        assertThat(otherPath.status()).isEqualTo(401);
        assertThat(searchesFor(web)).isZero();
    }

}

package dev.throughline.coordination;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.ThroughlineApplication;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.IssueStatus;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.JiraTokenSigner;
import dev.throughline.support.InstallKeyServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances (two Spring contexts on their own ports) on one real PostgreSQL, one
 * sandbox Jira site, and requests raced through both: what one JVM's locks and caches
 * cannot see.
 */
class SeveralInstancesTest {

    private static final String APP_BASE_URL = "https://throughline.example.test";

    private static final String PO_A = "po-a";

    private static final String PO_B = "po-b";

    private static final String ADMIN = SandboxSite.ADMIN;

    /** The bound the README promises for another instance to see a change. */
    private static final Duration FEED_BOUND = Duration.ofSeconds(2);

    private static EmbeddedPostgres postgres;

    private static JiraSandbox jira;

    private static ConfigurableApplicationContext contextA;

    private static ConfigurableApplicationContext contextB;

    private static AppUnderTest a;

    private static AppUnderTest b;

    private static JiraTokenSigner connect;

    private static final ExecutorService RACERS = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        jira = JiraSandbox.start(SandboxGenerator.demo());
        SandboxSite site = jira.site();
        for (String user : List.of(PO_A, PO_B)) {
            site.addUser(user, user);
            site.grant(user, "WEB", "BROWSE_PROJECTS").grant(user, "WEB", "EDIT_ISSUES");
        }
        String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
        contextA = start(jdbcUrl);
        contextB = start(jdbcUrl);
        a = new AppUnderTest(port(contextA));
        b = new AppUnderTest(port(contextB));
        connect = new JiraTokenSigner("instances-" + UUID.randomUUID(), jira.baseUrl());
        String token = connect.signedLifecycleToken(InstallKeyServer.KEY, InstallKeyServer.KID, APP_BASE_URL,
                "/installed");
        AppUnderTest.Reply installed = a.post("/installed", connect.lifecycleBody("installed"), token);
        assertThat(installed.status()).as(installed.body()).isBetween(200, 204);
    }

    private static ConfigurableApplicationContext start(String jdbcUrl) {
        return new SpringApplicationBuilder(ThroughlineApplication.class).profiles("test")
            .run("--server.port=0", "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                    "--spring.datasource.password=",
                    "--atlassian.connect.public-key-base-url=" + InstallKeyServer.baseUrl());
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        RACERS.shutdownNow();
        for (AutoCloseable closeable : new AutoCloseable[] { contextA, contextB, jira, postgres }) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void theSameIssueScoredThroughBothInstancesWithTheSameVersionIsSavedOnceAndTheOtherGets409() throws Exception {
        jira.withLatency(Duration.ofMillis(20)); // widens the read-check-write window the
                                                 // race needs to hit
        try {
            for (int trial = 1; trial <= 10; trial++) {
                String issueKey = "WEB-" + (100 + trial);
                String body = "{\"model\":\"ICE\",\"inputs\":{\"impact\":" + trial
                        + ",\"confidence\":5,\"ease\":5},\"version\":0}";

                List<AppUnderTest.Reply> replies = race(
                        () -> a.put("/api/issues/" + issueKey + "/value", body, connect.contextToken(PO_A)),
                        () -> b.put("/api/issues/" + issueKey + "/value", body, connect.contextToken(PO_B)));

                assertThat(replies).extracting(AppUnderTest.Reply::status)
                    .as("trial %d: %s", trial, replies)
                    .containsExactlyInAnyOrder(200, 409);
                String winner = replies.get(0).status() == 200 ? PO_A : PO_B;
                @SuppressWarnings("unchecked")
                Map<String, Object> stored = (Map<String, Object>) jira.site()
                    .issueProperty(jira.site().requireIssue(issueKey).id(), "throughline.value")
                    .orElseThrow();
                assertThat(stored).containsEntry("updatedBy", winner).containsEntry("version", 1);
                assertThat((List<?>) stored.get("history")).as("the winner's write only").hasSize(1);
            }
        }
        finally {
            jira.withLatency(Duration.ZERO);
        }
    }

    @Test
    void twoThemesLinkedToTheSameIssuesAtOnceThroughBothInstancesAreBothKeptOnEveryIssue() throws Exception {
        String first = createTheme(a, "Links " + UUID.randomUUID()).json().path("id").asText();
        String second = createTheme(a, "Links " + UUID.randomUUID()).json().path("id").asText();
        List<SandboxIssue> issues = jira.site()
            .issues()
            .stream()
            .filter(issue -> issue.projectKey().equals("MOB"))
            .limit(20)
            .toList();
        String keys = "{\"issueKeys\":[\"" + String.join("\",\"", issues.stream().map(SandboxIssue::key).toList())
                + "\"]}";
        jira.withLatency(Duration.ofMillis(20)); // widens the read-modify-write window of
                                                 // each issue's links
        try {
            List<AppUnderTest.Reply> replies = race(
                    () -> a.post("/api/themes/" + first + "/links", keys, connect.contextToken(ADMIN)),
                    () -> b.post("/api/themes/" + second + "/links", keys, connect.contextToken(ADMIN)));
            assertThat(replies).extracting(AppUnderTest.Reply::status).containsExactly(200, 200);
        }
        finally {
            jira.withLatency(Duration.ZERO);
        }
        for (SandboxIssue issue : issues) {
            @SuppressWarnings("unchecked")
            Map<String, Object> links = (Map<String, Object>) jira.site()
                .issueProperty(issue.id(), "throughline.themes")
                .orElseThrow();
            assertThat((List<Object>) links.get("themeIds")).as(issue.key()).contains(first, second);
        }
    }

    @Test
    void twoThemesCreatedAtOnceThroughBothInstancesAreBothListed() throws Exception {
        assertBothCreatedAndListed(SeveralInstancesTest::createTheme, "/api/themes");
    }

    @Test
    void theSameThemeNameCreatedAtOnceThroughBothInstancesIsAcceptedOnce() throws Exception {
        String name = "Onboarding " + UUID.randomUUID();

        List<AppUnderTest.Reply> replies = race(() -> createTheme(a, name), () -> createTheme(b, name.toUpperCase()));

        assertThat(replies).extracting(AppUnderTest.Reply::status).containsExactlyInAnyOrder(201, 400);
        AppUnderTest.Reply refused = replies.get(0).status() == 400 ? replies.get(0) : replies.get(1);
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("name");
        assertThat(names(a.get("/api/themes", connect.contextToken(ADMIN)).json()))
            .filteredOn(n -> n.equalsIgnoreCase(name))
            .hasSize(1);
    }

    @Test
    void twoProgramsCreatedAtOnceThroughBothInstancesAreBothListed() throws Exception {
        assertBothCreatedAndListed(SeveralInstancesTest::createProgram, "/api/programs");
    }

    /**
     * Creates one item through each instance at once; both must be created and listed (by
     * either instance).
     */
    private static void assertBothCreatedAndListed(BiFunction<AppUnderTest, String, AppUnderTest.Reply> create,
            String list) throws Exception {
        String first = "First " + UUID.randomUUID();
        String second = "Second " + UUID.randomUUID();

        List<AppUnderTest.Reply> replies = race(() -> create.apply(a, first), () -> create.apply(b, second));

        assertThat(replies).extracting(AppUnderTest.Reply::status).containsExactly(201, 201);
        assertThat(names(a.get(list, connect.contextToken(ADMIN)).json())).contains(first, second);
        assertThat(names(b.get(list, connect.contextToken(ADMIN)).json())).contains(first, second);
    }

    @Test
    void aProgramDeletedThroughOneInstanceIsGoneFromTheOtherWithinTwoSeconds() {
        String id = createProgram(a, "Doomed " + UUID.randomUUID()).json().path("id").asText();
        String path = "/api/programs/" + id;
        assertThat(b.get(path, connect.contextToken(ADMIN)).status()).as("B has it cached").isEqualTo(200);

        assertThat(a.delete(path, connect.contextToken(ADMIN)).status()).isBetween(200, 204);

        assertWithinFeedBound(() -> b.get(path, connect.contextToken(ADMIN)), reply -> reply.status() == 404);
    }

    @Test
    void aWebhookReceivedByOneInstanceMakesTheOthersNextRollupFreshWithinTwoSeconds() {
        String id = createProgram(a, "Rollup " + UUID.randomUUID()).json().path("id").asText();
        String path = "/api/programs/" + id + "/rollup";
        String cachedAt = b.get(path, connect.contextToken(ADMIN)).json().path("fetchedAt").asText();
        assertThat(b.get(path, connect.contextToken(ADMIN)).json().path("fetchedAt").asText())
            .as("B answers from its cache")
            .isEqualTo(cachedAt);

        String webhook = "/webhooks/jira";
        AppUnderTest.Reply received = a.post(webhook,
                "{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"10001\","
                        + "\"key\":\"WEB-1\",\"fields\":{\"project\":{\"id\":\"10000\",\"key\":\"WEB\"}}}}",
                connect.requestToken("POST", webhook, "", null));
        assertThat(received.status()).isEqualTo(204);

        assertWithinFeedBound(() -> b.get(path, connect.contextToken(ADMIN)),
                reply -> !reply.json().path("fetchedAt").asText().equals(cachedAt));
    }

    @Test
    void twoInstancesViewingTheSameProgramAtOnceReadItOnceAndAnEventOneReceivesIsInTheOthersNextRead()
            throws Exception {
        // PLAT: no other test here reads it, so the read model does not hold it yet
        AppUnderTest.Reply created = a.post("/api/programs",
                "{\"name\":\"Once " + UUID.randomUUID() + "\",\"projects\":[\"PLAT\"]}", connect.contextToken(ADMIN));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = "/api/programs/" + created.json().path("id").asText() + "/rollup";
        List<SandboxIssue> plat = jira.site().issues().stream().filter(i -> i.projectKey().equals("PLAT")).toList();
        int pages = Math.max(1, (plat.size() + 99) / 100);
        int searchesBefore = jira.servedCount(JiraSandbox.SEARCH);
        jira.withLatency(Duration.ofMillis(50)); // the first read lasts while the other
                                                 // view
                                                 // arrives
        List<AppUnderTest.Reply> views;
        try {
            views = race(() -> a.get(path, connect.contextToken(ADMIN)),
                    () -> b.get(path, connect.contextToken(ADMIN)));
        }
        finally {
            jira.withLatency(Duration.ZERO);
        }

        assertThat(views).extracting(AppUnderTest.Reply::status).containsExactly(200, 200);
        assertThat(jira.servedCount(JiraSandbox.SEARCH) - searchesBefore)
            .as("one full read of PLAT's %d issues: one search per page, by one instance", plat.size())
            .isEqualTo(pages);
        JsonNode program = views.get(0).json().path("groups").path("program").get(0);
        assertThat(views.get(1).json().path("groups").path("program").get(0)).isEqualTo(program);

        SandboxIssue open = plat.stream()
            .filter(i -> i.type() == IssueType.STORY && i.status() != IssueStatus.DONE)
            .findFirst()
            .orElseThrow();
        jira.site().transition(open.key(), IssueStatus.DONE);
        String webhook = "/webhooks/jira";
        AppUnderTest.Reply received = a.post(webhook,
                "{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"" + open.id() + "\",\"key\":\""
                        + open.key() + "\",\"fields\":{\"project\":{\"id\":\"" + open.projectId()
                        + "\",\"key\":\"PLAT\"}}}}",
                connect.requestToken("POST", webhook, "", null));
        assertThat(received.status()).isEqualTo(204);

        long done = program.path("done").asLong();
        assertWithinFeedBound(() -> b.get(path, connect.contextToken(ADMIN)),
                reply -> reply.json().path("groups").path("program").get(0).path("done").asLong() == done + 1);
    }

    @Test
    void aThemeRenamedThroughOneInstanceShowsAtTheOthersNextViewAtOnce() {
        String name = "Kept " + UUID.randomUUID();
        AppUnderTest.Reply created = createTheme(a, name);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        String progress = "/api/themes/progress";
        assertThat(b.get(progress, connect.contextToken(ADMIN)).body()).as("B keeps the catalog it read")
            .contains("\"" + name + "\"");

        String renamed = "Renamed " + UUID.randomUUID();
        AppUnderTest.Reply saved = a.put("/api/themes/" + id, "{\"name\":\"" + renamed
                + "\",\"horizon\":\"now\",\"version\":" + created.json().path("version").asLong() + "}",
                connect.contextToken(ADMIN));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        // no poll to wait for: B reads the site's catalog revision with the view
        assertThat(b.get(progress, connect.contextToken(ADMIN)).body()).contains("\"" + renamed + "\"")
            .doesNotContain("\"" + name + "\"");
    }

    @Test
    void aSettingsChangeThroughOneInstanceIsSeenByTheOtherWithinTwoSeconds() {
        String backlog = "/api/boards/1/backlog?limit=1";
        int before = b.get(backlog, connect.contextToken(ADMIN)).json().path("staleDays").asInt();
        long version = a.get("/api/settings", connect.contextToken(ADMIN)).json().path("version").asLong();
        int changed = before == 45 ? 46 : 45;

        AppUnderTest.Reply saved = a.put("/api/settings", "{\"staleDays\":" + changed + ",\"version\":" + version + "}",
                connect.contextToken(ADMIN));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        assertWithinFeedBound(() -> b.get(backlog, connect.contextToken(ADMIN)),
                reply -> reply.json().path("staleDays").asInt() == changed);
    }

    private static AppUnderTest.Reply createTheme(AppUnderTest instance, String name) {
        return instance.post("/api/themes", "{\"name\":\"" + name + "\",\"horizon\":\"now\",\"color\":\"teal\"}",
                connect.contextToken(ADMIN));
    }

    private static AppUnderTest.Reply createProgram(AppUnderTest instance, String name) {
        AppUnderTest.Reply reply = instance.post("/api/programs", "{\"name\":\"" + name + "\",\"projects\":[\"WEB\"]}",
                connect.contextToken(ADMIN));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply;
    }

    private static List<String> names(JsonNode list) {
        JsonNode items = list.isArray() ? list : list.path(list.has("themes") ? "themes" : "programs");
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.path("name").asText()).toList();
    }

    /**
     * Sends both requests at the same moment (as far as two threads can) and answers both
     * replies in order.
     */
    @SafeVarargs
    private static List<AppUnderTest.Reply> race(Supplier<AppUnderTest.Reply>... requests) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<AppUnderTest.Reply>> running = new ArrayList<>();
        for (var request : requests) {
            running.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return request.get();
            }, RACERS));
        }
        go.countDown();
        List<AppUnderTest.Reply> replies = new ArrayList<>();
        for (CompletableFuture<AppUnderTest.Reply> reply : running) {
            replies.add(reply.get(60, TimeUnit.SECONDS));
        }
        return replies;
    }

    /**
     * Asks until the answer shows the change; fails if that took longer than the feed's
     * bound.
     */
    private static void assertWithinFeedBound(Supplier<AppUnderTest.Reply> ask, Predicate<AppUnderTest.Reply> changed) {
        long started = System.nanoTime();
        AppUnderTest.Reply reply = ask.get();
        while (!changed.test(reply) && System.nanoTime() - started < FEED_BOUND.toNanos()) {
            sleep(100);
            reply = ask.get();
        }
        assertThat(changed.test(reply)).as("the other instance still answers %s after %s", reply.body(), FEED_BOUND)
            .isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}

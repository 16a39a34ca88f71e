package dev.throughline.program.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.SearchRequest;
import dev.throughline.program.ProgramDraft;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.tenant.Caller;
import dev.throughline.tenant.Site;
import dev.throughline.theme.service.KeptCatalogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Program fetches against the sandbox: a huge project among small ones is read by
 * key-range readers with exact totals, and the requests other than the program definition
 * run beside the searches.
 */
class KeyRangePartitionTest {

    private JiraSandbox sandbox;

    private final ConcurrentLinkedQueue<String> searches = new ConcurrentLinkedQueue<>();

    /** "start name" / "end name" of every client call, in the order they happened. */
    private final ConcurrentLinkedQueue<String> calls = new ConcurrentLinkedQueue<>();

    private Caller admin;

    private JiraClient client;

    private String programId;

    @BeforeEach
    void start() {
        SandboxSite site = SandboxGenerator.generate(11, 2_000, 120, 80, 150);
        sandbox = JiraSandbox.start(site).withLatency(Duration.ofMillis(20));
        client = recording(BenchJira.client(sandbox.baseUrl(), new BenchJira.Recorder()));
        admin = Caller.of(new Site("range-site", URI.create(sandbox.baseUrl())), SandboxSite.ADMIN);
        List<String> keys = site.projects().stream().map(p -> p.key()).toList();
        // saved through a client of its own (as by another app instance): a save's checks
        // must not warm the permission cache the rollups are measured against
        JiraClient saver = BenchJira.client(sandbox.baseUrl(), new BenchJira.Recorder());
        programId = programs(saver).create(admin, ProgramDraft.parse(Map.of("name", "Skewed", "projects", keys), false))
            .id();
    }

    @AfterEach
    void stop() {
        sandbox.stop();
    }

    private ProgramService programs() {
        return programs(client);
    }

    private ProgramService programs(JiraClient jira) {
        return BenchJira.programs(jira);
    }

    private ProgramRollup rollup(int concurrency) {
        return rollup(concurrency, programId);
    }

    private ProgramRollup rollup(int concurrency, String id) {
        ProgramRollupService service = new ProgramRollupService(BenchJira.clients(client), programs(),
                KeptCatalogs.of(Clock.fixed(SandboxSite.DEFAULT_NOW, ZoneOffset.UTC)),
                Clock.fixed(SandboxSite.DEFAULT_NOW, ZoneOffset.UTC), concurrency, Duration.ofMinutes(10));
        try {
            return service.rollup(admin, id, true);
        }
        finally {
            service.stop();
        }
    }

    @Test
    void aHugeProjectIsReadInKeyRangesAndTotalsEqualTheUnsplitRollupExactly() {
        ProgramRollup whole = rollup(1); // one search at a time: nothing is worth
                                         // splitting
        assertThat(searches).noneMatch(jql -> jql.contains("key >="));
        int unsplitSearches = searches.size();
        searches.clear();

        ProgramRollup split = rollup(4);

        String huge = sandbox.site().projects().get(0).key();
        assertThat(searches).anyMatch(jql -> jql.startsWith("project = \"" + huge + "\" AND key >= \"" + huge + "-"));
        assertThat(searches.size()).as("searches with key ranges").isLessThanOrEqualTo(unsplitSearches + 3);
        assertThat(split.result()).isEqualTo(whole.result());
        assertThat(split.result().program().items()).isPositive();
        assertThat(split.skippedProjects()).isEmpty();
    }

    @Test
    void aProgramOfOneProjectIsReadByAsManySearchesAsTheConcurrencyAllows() {
        String huge = sandbox.site().projects().get(0).key();
        String alone = programs()
            .create(admin, ProgramDraft.parse(Map.of("name", "Alone", "projects", List.of(huge)), false))
            .id();
        ProgramRollup whole = rollup(1, alone);
        searches.clear();

        ProgramRollup split = rollup(4, alone);

        assertThat(searches.stream()
            .filter(jql -> jql.contains("key >="))
            .map(jql -> jql.replaceAll(".*key >= ", ""))
            .distinct()).containsExactlyInAnyOrder("\"" + huge + "-501\" ORDER BY key ASC",
                    "\"" + huge + "-1001\" ORDER BY key ASC", "\"" + huge + "-1501\" ORDER BY key ASC");
        assertThat(searches).hasSizeLessThanOrEqualTo(20 + 3);
        assertThat(split.result()).isEqualTo(whole.result());
    }

    @Test
    void searchesStartWhileTheProjectSearchThemeCatalogAndPermissionCheckAreAnswered() {
        sandbox.withLatency(Duration.ofMillis(150));
        client.storyPointsFieldId(); // discovered once per site and cached, as after any
                                     // earlier rollup
        calls.clear();
        sandbox.resetTraffic();

        rollup(4);

        List<String> order = List.copyOf(calls);
        int firstSearch = order.indexOf("start searchPage");
        List<Integer> propertyReads = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).equals("end getProperty")) {
                propertyReads.add(i);
            }
        }
        assertThat(firstSearch).isNotNegative();
        assertThat(propertyReads.get(0)).as("the program definition is read first").isLessThan(firstSearch);
        assertThat(propertyReads.get(1)).as("the theme catalog is answered after the searches started")
            .isGreaterThan(firstSearch);
        assertThat(order.indexOf("start browsableProjects")).as("the permission check runs beside the searches")
            .isLessThan(order.lastIndexOf("end searchPage"));
        assertThat(sandbox.requestCount(JiraSandbox.PERMISSIONS_CHECK))
            .as("the merge's check comes from the client's cache")
            .isEqualTo(1);
    }

    /** The client, noting the JQL of every search page it is asked for. */
    private JiraClient recording(JiraClient real) {
        return (JiraClient) Proxy.newProxyInstance(JiraClient.class.getClassLoader(),
                new Class<?>[] { JiraClient.class }, (proxy, method, args) -> {
                    if (method.getName().equals("searchPage")) {
                        searches.add(((SearchRequest) args[0]).jql().text());
                    }
                    calls.add("start " + method.getName());
                    try {
                        return method.invoke(real, args);
                    }
                    catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    finally {
                        calls.add("end " + method.getName());
                    }
                });
    }

}

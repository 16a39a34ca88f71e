package dev.throughline.theme.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.support.AppUnderTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static dev.throughline.support.PinnedJson.assertPinned;
import static dev.throughline.support.PinnedJson.staleAnswer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Themes end to end: stored in the sandbox's app properties, linked through its bulk
 * property endpoint.
 */
class ThemeApiTest extends ProductManagerSiteTest {

    private static final String PM = "pm-1";

    ThemeApiTest() {
        super(PM);
    }

    private AppUnderTest.Reply post(String path, String body) {
        return app().post(path, body, connect.contextToken(PM));
    }

    private JsonNode create(String name, String horizon) {
        AppUnderTest.Reply reply = post("/api/themes", "{\"name\":\"" + name + "\",\"horizon\":\"" + horizon
                + "\",\"color\":\"teal\",\"outcome\":\"Activation +10%\",\"startQuarter\":\"2027-Q1\",\"endQuarter\":\"2027-Q2\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    @Test
    void createdThemeIsListedAndStoredInAppProperties() {
        JsonNode created = create("Self-serve onboarding", "now");

        JsonNode listed = app().get("/api/themes", connect.contextToken(PM)).json();
        assertThat(listed.path("themes").findValuesAsText("name")).containsExactly("Self-serve onboarding");
        assertThat(listed.path("palette").findValuesAsText("key")).contains("TEAL");
        assertThat(created.path("version").asLong()).isEqualTo(1);
        JsonNode full = app().get("/api/themes/" + created.path("id").asText(), connect.contextToken(PM)).json();
        assertThat(full.path("outcome").asText()).isEqualTo("Activation +10%");
        assertThat(full.path("endQuarter").asText()).isEqualTo("2027-Q2");
    }

    @Test
    void badThemeGets400NamingTheFieldsAndStoresNothing() {
        AppUnderTest.Reply reply = post("/api/themes",
                "{\"name\":\"\",\"color\":\"pink\",\"startQuarter\":\"2027-Q3\",\"endQuarter\":\"2027-Q1\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "color",
                "endQuarter");
        assertThat(app().get("/api/themes", connect.contextToken(PM)).json().path("themes")).isEmpty();
        assertThat(jira.servedCount("PUT /rest/atlassian-connect/1/addons/{addonKey}/properties/{propertyKey}"))
            .isZero();
    }

    @Test
    void duplicateNameIgnoringCaseGets400() {
        create("Mobile first", "next");

        AppUnderTest.Reply reply = post("/api/themes", "{\"name\":\"MOBILE FIRST\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").findValuesAsText("field")).containsExactly("name");
    }

    @Test
    void updateWithTheVersionReadSucceedsAndAStaleOneGets409() {
        String id = create("Mobile first", "next").path("id").asText();
        String update = "{\"name\":\"Mobile first\",\"horizon\":\"now\",\"version\":1}";

        AppUnderTest.Reply first = app().put("/api/themes/" + id, update, connect.contextToken(PM));
        AppUnderTest.Reply stale = app().put("/api/themes/" + id, update, connect.contextToken(PM));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("horizon").asText()).isEqualTo("NOW");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("current").path("version").asLong()).isEqualTo(2);
    }

    @Test
    void linkingByJqlReportsLinkedSkippedAndFailedAndIsFoundByTheAlias() {
        String id = create("Platform health", "now").path("id").asText();

        JsonNode first = post("/api/themes/" + id + "/links",
                "{\"jql\":\"project in (WEB, MOB) AND issuetype = Epic\"}")
            .json();
        JsonNode again = post("/api/themes/" + id + "/links", "{\"jql\":\"project = WEB AND issuetype = Epic\"}")
            .json();

        long webEpics = site.issues()
            .stream()
            .filter(i -> i.key().startsWith("WEB-") && i.type().name().equals("EPIC"))
            .count();
        long mobEpics = site.issues()
            .stream()
            .filter(i -> i.key().startsWith("MOB-") && i.type().name().equals("EPIC"))
            .count();
        assertThat(first.path("linked").asInt()).isEqualTo(webEpics);
        assertThat(first.path("failed")).hasSize((int) mobEpics); // MOB is browse-only
                                                                  // for this user
        assertThat(again.path("skipped").asInt()).isEqualTo(webEpics);
        assertThat(again.path("linked").asInt()).isZero();
        assertThat(jira.servedCount(JiraSandbox.ISSUE_PROPERTIES_MULTI)).isEqualTo(1);
    }

    @Test
    void linkingNeverNamesIssuesTheCallerCannotBrowseOnlyCountsThem() {
        String id = create("Everywhere", "now").path("id").asText();

        AppUnderTest.Reply byJql = post("/api/themes/" + id + "/links",
                "{\"jql\":\"project in (WEB, PLAT) AND issuetype = Epic\"}");
        AppUnderTest.Reply byKeys = post("/api/themes/" + id + "/links", "{\"issueKeys\":[\"PLAT-1\",\"MOB-1\"]}");

        long webEpics = site.issues()
            .stream()
            .filter(i -> i.key().startsWith("WEB-") && i.type().name().equals("EPIC"))
            .count();
        long platEpics = site.issues()
            .stream()
            .filter(i -> i.key().startsWith("PLAT-") && i.type().name().equals("EPIC"))
            .count();
        assertThat(byJql.status()).as(byJql.body()).isEqualTo(200);
        assertThat(byJql.json().path("linked").asInt()).isEqualTo(webEpics);
        assertThat(byJql.json().path("failed")).isEmpty();
        assertThat(byJql.json().path("hidden").asInt()).isEqualTo(platEpics);
        assertThat(byJql.body()).doesNotContain("PLAT-");
        // MOB may be browsed but not edited: named; PLAT may not be browsed: counted
        assertThat(byKeys.json().path("failed").findValuesAsText("issueKey")).containsExactly("MOB-1");
        assertThat(byKeys.json().path("hidden").asInt()).isEqualTo(1);
        assertThat(byKeys.body()).doesNotContain("PLAT-");
        assertThat(site.issueProperty(site.requireIssue("PLAT-1").id(), "throughline.themes")).isEmpty();
    }

    @Test
    void aLinkSelectionThatClosesAParenthesisItDidNotOpenIsRefusedNamingJql() {
        String id = create("Narrow", "now").path("id").asText();

        AppUnderTest.Reply refused = post("/api/themes/" + id + "/links",
                "{\"jql\":\"key = WEB-2) OR (project = PLAT\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("jql");
        assertThat(jira.servedCount(JiraSandbox.SEARCH)).isZero();
    }

    @Test
    void deletingALinkedThemeNeedsUnlinkWhichRemovesEveryLink() {
        String id = create("Retire legacy", "later").path("id").asText();
        post("/api/themes/" + id + "/links", "{\"issueKeys\":[\"WEB-1\",\"WEB-2\"]}");

        AppUnderTest.Reply refused = app().delete("/api/themes/" + id, connect.contextToken(PM));
        AppUnderTest.Reply deleted = app().delete("/api/themes/" + id + "?unlink=true", connect.contextToken(PM));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("linkedIssues").asInt()).isEqualTo(2);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().path("unlinkedIssues").asInt()).isEqualTo(2);
        assertThat(site.issueProperty(site.requireIssue("WEB-1").id(), "throughline.themes")
            .map(Object::toString)
            .orElse("")).doesNotContain(id);
        assertThat(app().get("/api/themes", connect.contextToken(PM)).json().path("themes")).isEmpty();
    }

    @Test
    void deletingAndArchivingAThemeAreLoggedWithTheSiteAndTheAccount() {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.throughline.theme.service");
        Level before = logger.getLevel();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.setLevel(Level.INFO);
        logger.addAppender(logged);
        try {
            JsonNode theme = create("Sunset billing", "later");
            String id = theme.path("id").asText();
            AppUnderTest.Reply archived = app().put("/api/themes/" + id, "{\"name\":\"Sunset billing\",\"status\":"
                    + "\"archived\",\"version\":" + theme.path("version").asLong() + "}", connect.contextToken(PM));
            assertThat(archived.status()).as(archived.body()).isEqualTo(200);

            assertThat(app().delete("/api/themes/" + id, connect.contextToken(PM)).status()).isEqualTo(200);

            List<String> lines = logged.list.stream()
                .filter(e -> e.getLevel() == Level.INFO)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
            assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("Theme " + id + " \"Sunset billing\" archived on site " + connect.clientKey())
                .endsWith("by account " + PM));
            assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("Theme " + id + " \"Sunset billing\" deleted on site " + connect.clientKey())
                .contains("by account " + PM));
        }
        finally {
            logger.detachAppender(logged);
            logger.setLevel(before);
        }
    }

    @Test
    void theOwnerPickerFindsJiraUsersByTheStartOfTheirName() {
        AppUnderTest.Reply found = app().get("/api/themes/owners?query=produ", connect.contextToken(PM));
        AppUnderTest.Reply empty = app().get("/api/themes/owners?query=%20", connect.contextToken(PM));

        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().path("users").findValuesAsText("accountId")).contains(PM);
        assertThat(found.json().path("users").findValuesAsText("displayName")).contains("Product Manager");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("errors").findValuesAsText("field")).containsExactly("query");
    }

    @Test
    void linkSelectionIsValidated() {
        String id = create("Checked", "now").path("id").asText();

        AppUnderTest.Reply both = post("/api/themes/" + id + "/links",
                "{\"jql\":\"project = WEB\",\"issueKeys\":[\"WEB-1\"]}");
        AppUnderTest.Reply badKey = post("/api/themes/" + id + "/links", "{\"issueKeys\":[\"web 1\"]}");
        AppUnderTest.Reply unbounded = post("/api/themes/" + id + "/links", "{\"jql\":\"ORDER BY created\"}");

        assertThat(both.status()).isEqualTo(400);
        assertThat(badKey.json().path("errors").findValuesAsText("field")).containsExactly("issueKeys[0]");
        assertThat(unbounded.status()).isEqualTo(400);
        assertThat(jira.servedCount(JiraSandbox.ISSUE_PROPERTIES_MULTI)).isZero();
    }

    @Test
    void sidebarPickerAddsAndRemovesThemesOfOneIssue() {
        String a = create("Alpha", "now").path("id").asText();
        String b = create("Beta", "next").path("id").asText();

        AppUnderTest.Reply added = post("/api/issues/WEB-5/themes", "{\"add\":[\"" + a + "\",\"" + b + "\"]}");
        AppUnderTest.Reply removed = post("/api/issues/WEB-5/themes", "{\"remove\":[\"" + a + "\"]}");

        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().path("linked").findValuesAsText("name")).containsExactlyInAnyOrder("Alpha", "Beta");
        assertThat(removed.json().path("linked").findValuesAsText("name")).containsExactly("Beta");
        assertThat(removed.json().path("available").findValuesAsText("name")).containsExactly("Alpha");
        assertThat(site.issueProperty(site.requireIssue("WEB-5").id(), "throughline.themes").orElseThrow().toString())
            .contains(b)
            .doesNotContain(a);
    }

    @Test
    void sidebarPickerRefusesUnknownThemesAndReadOnlyUsers() {
        String a = create("Alpha", "now").path("id").asText();

        AppUnderTest.Reply unknown = post("/api/issues/WEB-6/themes", "{\"add\":[\"nosuch\"]}");
        AppUnderTest.Reply readOnly = post("/api/issues/MOB-6/themes", "{\"add\":[\"" + a + "\"]}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(readOnly.status()).isEqualTo(403);
        assertThat(app().get("/api/issues/MOB-6/themes", connect.contextToken(PM)).json().path("editable").asBoolean())
            .isFalse();
        assertThat(site.issueProperty(site.requireIssue("MOB-6").id(), "throughline.themes")).isEmpty();
    }

    @Test
    void draggingACardToAnotherHorizonKeepsItsDescription() {
        AppUnderTest.Reply created = post("/api/themes",
                "{\"name\":\"Described\",\"horizon\":\"later\",\"description\":\"Long story\"}");
        String id = created.json().path("id").asText();
        create("Other", "now");

        AppUnderTest.Reply moved = post("/api/themes/" + id + "/placement",
                "{\"horizon\":\"now\",\"index\":0,\"version\":1}");
        AppUnderTest.Reply stale = post("/api/themes/" + id + "/placement",
                "{\"horizon\":\"next\",\"index\":0,\"version\":1}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        JsonNode listed = app().get("/api/themes", connect.contextToken(PM)).json().path("themes");
        assertThat(listed.findValuesAsText("name")).containsExactly("Described", "Other");
        assertThat(app().get("/api/themes/" + id, connect.contextToken(PM)).json().path("description").asText())
            .isEqualTo("Long story");
        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    void roadmapPageOpensFromJirasSignedUrl() {
        String path = "/pages/roadmap";
        String query = "projectKey=WEB";

        AppUnderTest.Reply page = app().get(path + "?" + query, connect.requestToken("GET", path, query, PM));

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("data-project-key=\"WEB\"")
            .containsPattern("/webjars/sortablejs/1\\.15\\.2/Sortable\\.min-[0-9a-f]{32}\\.js"); // by
                                                                                                 // content
                                                                                                 // hash
        assertThat(app().get("/webjars/sortablejs/1.15.2/Sortable.min.js", null).status()).isEqualTo(200);
    }

    @Test
    void manyThemesStayListableFromAFewIndexProperties() {
        for (int i = 0; i < 60; i++) {
            create("Theme number " + i, i % 2 == 0 ? "now" : "later");
        }
        jira.resetTraffic();

        JsonNode listed = app().get("/api/themes", connect.contextToken(PM)).json();

        assertThat(listed.path("themes")).hasSize(60);
        assertThat(jira.servedCount("GET /rest/atlassian-connect/1/addons/{addonKey}/properties/{propertyKey}"))
            .isLessThanOrEqualTo(3);
    }

    @Test
    void catalogAnswersAndTheStaleVersionConflictArePinnedFieldByField() {
        AppUnderTest.Reply created = app()
            .post("/api/themes", "{\"name\":\"Self-serve onboarding\",\"horizon\":\"now\","
                    + "\"color\":\"teal\",\"description\":\"Why\",\"outcome\":\"Activation +10%\",\"owner\":\"acc-1\","
                    + "\"startQuarter\":\"2027-Q1\",\"endQuarter\":\"2027-Q2\",\"status\":\"active\"}",
                    connect.contextToken(PM));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        String full = "{\"id\":\"<STRING>\",\"name\":\"Self-serve onboarding\",\"color\":\"TEAL\",\"status\":\"ACTIVE\","
                + "\"horizon\":\"NOW\",\"startQuarter\":\"2027-Q1\",\"endQuarter\":\"2027-Q2\",\"outcome\":\"Activation +10%\","
                + "\"owner\":\"acc-1\",\"sortOrder\":0,\"version\":1,\"description\":\"Why\"}";
        assertPinned(created.body(), full, "id");
        assertPinned(app().get("/api/themes/" + id, connect.contextToken(PM)).body(), full, "id");

        String listed = app().get("/api/themes", connect.contextToken(PM)).body();
        assertPinned(listed, "{\"themes\":[{\"id\":\"<STRING>\",\"name\":\"Self-serve onboarding\",\"color\":\"TEAL\","
                + "\"status\":\"ACTIVE\",\"horizon\":\"NOW\",\"startQuarter\":\"2027-Q1\",\"endQuarter\":\"2027-Q2\","
                + "\"outcome\":\"Activation +10%\",\"owner\":\"acc-1\",\"sortOrder\":0,\"version\":1}],"
                + "\"palette\":" + palette() + "}", "id");

        String update = "{\"name\":\"Onboarding\",\"horizon\":\"next\",\"version\":1}";
        AppUnderTest.Reply updated = app().put("/api/themes/" + id, update, connect.contextToken(PM));
        String afterUpdate = "{\"id\":\"<STRING>\",\"name\":\"Onboarding\",\"color\":\"BLUE\",\"status\":\"PROPOSED\","
                + "\"horizon\":\"NEXT\",\"startQuarter\":null,\"endQuarter\":null,\"outcome\":\"\","
                + "\"owner\":null,\"sortOrder\":0,\"version\":2,\"description\":\"\"}";
        assertPinned(updated.body(), afterUpdate, "id");

        AppUnderTest.Reply stale = app().put("/api/themes/" + id, update, connect.contextToken(PM));
        assertThat(stale.status()).isEqualTo(409);
        assertPinned(stale.body(), staleAnswer(
                "The theme \"Onboarding\" was changed by someone else (you had version 1, it is now version 2); reload and try again.",
                afterUpdate), "id", "timeStamp");

        AppUnderTest.Reply placed = app().post("/api/themes/" + id + "/placement",
                "{\"horizon\":\"later\",\"index\":0,\"version\":2}", connect.contextToken(PM));
        assertPinned(placed.body(), afterUpdate.replace("NEXT", "LATER").replace("\"version\":2", "\"version\":3"),
                "id");

        AppUnderTest.Reply stalePlacement = app().post("/api/themes/" + id + "/placement",
                "{\"horizon\":\"now\",\"index\":0,\"version\":2}", connect.contextToken(PM));
        assertThat(stalePlacement.status()).isEqualTo(409);
        assertPinned(stalePlacement.body(), staleAnswer(
                "The theme \"Onboarding\" was changed by someone else (you had version 2, it is now version 3); reload and try again.",
                afterUpdate.replace("NEXT", "LATER").replace("\"version\":2", "\"version\":3")), "id", "timeStamp");

        assertPinned(app().delete("/api/themes/" + id, connect.contextToken(PM)).body(),
                "{\"deleted\":true,\"unlinkedIssues\":0}");
    }

    private static String palette() {
        return "["
                + "{\"key\":\"BLUE\",\"hex\":\"#0C66E4\"},{\"key\":\"TEAL\",\"hex\":\"#206A83\"},{\"key\":\"GREEN\",\"hex\":\"#216E4E\"},"
                + "{\"key\":\"LIME\",\"hex\":\"#4C6B1F\"},{\"key\":\"YELLOW\",\"hex\":\"#7F5F01\"},{\"key\":\"ORANGE\",\"hex\":\"#A54800\"},"
                + "{\"key\":\"RED\",\"hex\":\"#C9372C\"},{\"key\":\"MAGENTA\",\"hex\":\"#AE4787\"},{\"key\":\"PURPLE\",\"hex\":\"#6E5DC6\"},"
                + "{\"key\":\"GRAY\",\"hex\":\"#626F86\"}" + "]";
    }

}

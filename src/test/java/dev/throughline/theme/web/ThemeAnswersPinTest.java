package dev.throughline.theme.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.SandboxDayClock;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.throughline.support.PinnedJson.assertPinned;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The theme answers that are not pinned elsewhere, whole and field by field against
 * {@code src/test/resources/pinned/theme/}: links and unlink (200, the 207 partial
 * answer, {@code hidden}), delete with {@code unlink=true} (200 and 207), an issue's
 * themes, and theme progress as JSON and CSV. Theme ids, made afresh per run, are
 * replaced by names.
 */
@Import(SandboxDayClock.class)
class ThemeAnswersPinTest extends ProductManagerSiteTest {

    private static final String PM = "pm-pin";

    private final Map<String, String> ids = new LinkedHashMap<>();

    ThemeAnswersPinTest() {
        super(PM);
    }

    private String create(String name, String more) {
        AppUnderTest.Reply reply = app().post("/api/themes",
                "{\"name\":\"" + name + "\",\"color\":\"teal\",\"owner\":\"" + PM + "\"" + more + "}",
                connect.contextToken(PM));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String id = reply.json().path("id").asText();
        ids.put(id, "theme-" + (ids.size() + 1));
        return id;
    }

    private AppUnderTest.Reply post(String path, String body) {
        return app().post(path, body, connect.contextToken(PM));
    }

    private JsonNode named(AppUnderTest.Reply reply) {
        String body = reply.body();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            body = body.replace(id.getKey(), id.getValue());
        }
        return new AppUnderTest.Reply(reply.status(), body, reply.contentType(), reply.headers()).json();
    }

    private void pin(String name, AppUnderTest.Reply reply) {
        assertPinned("theme/" + name, reply.status(), named(reply));
    }

    @Test
    void linksUnlinkAndAnIssuesThemes() {
        String checkout = create("Checkout", ",\"horizon\":\"now\",\"status\":\"active\","
                + "\"startQuarter\":\"2026-Q3\",\"endQuarter\":\"2026-Q4\",\"outcome\":\"Faster checkout\"");
        String later = create("Later", ",\"horizon\":\"later\"");

        pin("links-jql", post("/api/themes/" + checkout + "/links",
                "{\"jql\":\"project in (WEB, MOB, PLAT) AND issuetype = Epic\"}"));
        pin("links-keys", post("/api/themes/" + later + "/links", "{\"issueKeys\":[\"WEB-1\",\"MOB-1\",\"PLAT-1\"]}"));
        pin("unlink-keys", post("/api/themes/" + later + "/unlink", "{\"issueKeys\":[\"WEB-1\",\"WEB-2\"]}"));
        pin("issue-themes", app().get("/api/issues/WEB-1/themes", connect.contextToken(PM)));
        pin("issue-themes-changed",
                post("/api/issues/WEB-1/themes", "{\"add\":[\"" + later + "\"],\"remove\":[\"" + checkout + "\"]}"));
        pin("issue-themes-read-only", app().get("/api/issues/MOB-1/themes", connect.contextToken(PM)));
    }

    @Test
    void partialLinkUnlinkAndDelete() {
        String web = create("Web", ",\"horizon\":\"next\"");
        String spare = create("Spare", ",\"horizon\":\"next\"");

        jira.failAfter(JiraSandbox.ISSUE_PROPERTIES_MULTI, 1, 1, 503);
        pin("links-207", post("/api/themes/" + web + "/links", "{\"jql\":\"project = WEB\"}"));
        pin("links-all", post("/api/themes/" + web + "/links", "{\"jql\":\"project = WEB\"}"));
        jira.failAfter(JiraSandbox.ISSUE_PROPERTIES_MULTI, 1, 1, 503);
        pin("unlink-207", post("/api/themes/" + web + "/unlink", "{\"jql\":\"project = WEB\"}"));
        post("/api/themes/" + web + "/links", "{\"jql\":\"project = WEB\"}");
        jira.failAfter(JiraSandbox.ISSUE_PROPERTIES_MULTI, 1, 1, 503);
        pin("delete-unlink-207", app().delete("/api/themes/" + web + "?unlink=true", connect.contextToken(PM)));
        pin("delete-unlink", app().delete("/api/themes/" + web + "?unlink=true", connect.contextToken(PM)));
        post("/api/themes/" + spare + "/links", "{\"issueKeys\":[\"WEB-3\"]}");
        pin("delete-in-use", app().delete("/api/themes/" + spare, connect.contextToken(PM)));
    }

    @Test
    void progressAsJsonAndCsv() {
        String checkout = create("Checkout", ",\"horizon\":\"now\",\"status\":\"active\","
                + "\"startQuarter\":\"2026-Q3\",\"endQuarter\":\"2026-Q4\",\"outcome\":\"Faster checkout\"");
        String mobile = create("Mobile", ",\"horizon\":\"next\",\"endQuarter\":\"2027-Q2\"");
        create("Empty", ",\"horizon\":\"later\"");
        post("/api/themes/" + checkout + "/links", "{\"jql\":\"project = WEB AND issuetype = Epic\"}");
        post("/api/themes/" + mobile + "/links", "{\"issueKeys\":[\"WEB-5\",\"WEB-6\",\"WEB-7\"]}");

        pin("progress", app().get("/api/themes/progress", connect.contextToken(PM)));
        pin("progress-web", app().get("/api/themes/progress?projectKey=WEB", connect.contextToken(PM)));
        AppUnderTest.Reply csv = app().get("/api/themes/export.csv", connect.contextToken(PM));
        assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"throughline-themes.csv\"");
        String text = csv.body();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            text = text.replace(id.getKey(), id.getValue());
        }
        assertPinned("theme/progress-csv", csv.status(), new TextNode(text));
    }

}

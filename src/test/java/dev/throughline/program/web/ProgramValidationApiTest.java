package dev.throughline.program.web;

import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A program is saved only when Jira agrees with it: every project exists and the saver
 * may browse it, and Jira can read the refinement; the form can ask how many issues a
 * draft matches before saving.
 */
class ProgramValidationApiTest extends InstalledSiteTest {

    /** A planner who may browse WEB and MOB, not PLAT. */
    private static final String PM = "pgm-1";

    private static final String PUT_APP_PROPERTY = "PUT /rest/atlassian-connect/1/addons/{addonKey}/properties/{propertyKey}";

    @Override
    protected void seed(SandboxSite site) {
        site.addUser(PM, "Program Manager");
        site.grant(PM, "WEB", "BROWSE_PROJECTS");
        site.grant(PM, "MOB", "BROWSE_PROJECTS");
    }

    @Override
    protected void afterInstall() {
        namePlanners(connect, List.of(PM), List.of());
    }

    private AppUnderTest.Reply post(String path, String body) {
        return app().post(path, body, connect.contextToken(PM));
    }

    @Test
    void anUnknownProjectAndOneTheSaverCannotBrowseAreRefusedAlikeAndNothingIsStored() {
        AppUnderTest.Reply reply = post("/api/programs",
                "{\"name\":\"Launch\",\"projects\":[\"WEB\",\"NOPE\",\"PLAT\"]}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().path("errors").findValuesAsText("field")).containsExactly("projects[1]", "projects[2]");
        assertThat(reply.json().path("errors").findValuesAsText("message"))
            .allMatch(message -> message.contains("that you may browse in Jira"));
        assertThat(reply.json().path("errors").get(0).path("message").asText()).contains("NOPE");
        assertThat(jira.servedCount(PUT_APP_PROPERTY)).isZero();
        assertThat(site.appProperties().keys("throughline")).noneMatch(key -> key.startsWith("throughline.program"));
    }

    @Test
    void aRefinementJiraCannotReadIsRefusedWithJirasWordsAndNothingIsStored() {
        AppUnderTest.Reply reply = post("/api/programs",
                "{\"name\":\"Bugs\",\"projects\":[\"WEB\"],\"jql\":\"issuetype = = Bug\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().path("errors").findValuesAsText("field")).containsExactly("jql");
        assertThat(reply.json().path("errors").get(0).path("message").asText())
            .startsWith("Jira cannot read this refinement: Error in the JQL Query");
        assertThat(jira.servedCount(PUT_APP_PROPERTY)).isZero();
        assertThat(jira.servedCount(JiraSandbox.APPROXIMATE_COUNT)).isEqualTo(1);
    }

    @Test
    void anUpdateIsCheckedLikeACreate() {
        String id = post("/api/programs", "{\"name\":\"Launch\",\"projects\":[\"WEB\"]}").json().path("id").asText();

        AppUnderTest.Reply reply = app().put("/api/programs/" + id,
                "{\"name\":\"Launch\",\"projects\":[\"PLAT\"],\"version\":1}", connect.contextToken(PM));

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().path("errors").findValuesAsText("field")).containsExactly("projects[0]");
        assertThat(app().get("/api/programs/" + id, connect.contextToken(PM)).json().path("projects").toString())
            .isEqualTo("[\"WEB\"]");
    }

    @Test
    void theCheckCountsWhatADraftMatchesAndSavesNothing() {
        long webBugs = site.issues()
            .stream()
            .filter(i -> i.projectKey().equals("WEB") && i.type().name().equals("BUG"))
            .count();

        AppUnderTest.Reply all = post("/api/programs/check", "{\"name\":\"Launch\",\"projects\":[\"WEB\",\"MOB\"]}");
        AppUnderTest.Reply bugs = post("/api/programs/check",
                "{\"name\":\"Launch\",\"projects\":[\"WEB\"],\"jql\":\"issuetype = Bug\",\"version\":3}");
        AppUnderTest.Reply nothing = post("/api/programs/check",
                "{\"name\":\"Launch\",\"projects\":[\"WEB\"],\"jql\":\"issuetype = Bug AND issuetype = Story\"}");
        AppUnderTest.Reply bad = post("/api/programs/check", "{\"name\":\"Launch\",\"projects\":[\"PLAT\"]}");

        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().path("matches").asLong())
            .isEqualTo(site.issues().stream().filter(i -> List.of("WEB", "MOB").contains(i.projectKey())).count());
        assertThat(bugs.json().path("matches").asLong()).isEqualTo(webBugs);
        assertThat(nothing.json().path("matches").asLong()).isZero();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactly("projects[0]");
        assertThat(jira.servedCount(PUT_APP_PROPERTY)).isZero();
    }

}

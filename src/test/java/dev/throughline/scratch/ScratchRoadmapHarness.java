package dev.throughline.scratch;

import dev.throughline.sandbox.JiraSandbox;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.support.ConnectedAppTest;
import dev.throughline.support.FakeJiraSite;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;

@TestPropertySource(properties = "throughline.connect.all-js-url=data:text/javascript,window.AP={context:{getToken:function(cb){cb(decodeURIComponent(location.hash.substring(1)))}},resize:function(){},flag:{create:function(o){console.log('flag '+o.title)}}};")
class ScratchRoadmapHarness extends ConnectedAppTest {
    @Test
    void serve() throws Exception {
        JiraSandbox jira = JiraSandbox.start(SandboxGenerator.demo());
        jira.site().addUser("pm-1", "PM");
        for (String p : new String[]{"WEB", "MOB"}) {
            jira.site().grant("pm-1", p, "BROWSE_PROJECTS").grant("pm-1", p, "EDIT_ISSUES");
        }
        FakeJiraSite connect = new FakeJiraSite("harness", jira.baseUrl());
        install(connect);
        String t = connect.contextToken("pm-1");
        String[] bodies = {
                "{\"name\":\"Self-serve onboarding\",\"horizon\":\"now\",\"color\":\"teal\",\"outcome\":\"Time to first value under a day\",\"startQuarter\":\"2026-Q3\",\"endQuarter\":\"2027-Q1\"}",
                "{\"name\":\"Mobile parity\",\"horizon\":\"now\",\"color\":\"purple\",\"outcome\":\"Same features on phones\",\"startQuarter\":\"2026-Q4\",\"endQuarter\":\"2027-Q2\"}",
                "{\"name\":\"Platform reliability\",\"horizon\":\"next\",\"color\":\"orange\",\"outcome\":\"99.95% uptime\",\"startQuarter\":\"2027-Q2\",\"endQuarter\":\"2027-Q3\"}",
                "{\"name\":\"AI assistant\",\"horizon\":\"later\",\"color\":\"magenta\"}"};
        String[] jql = {"project = WEB AND issuetype = Epic", "project = MOB AND issuetype = Epic", "project = PLAT AND issuetype = Epic", null};
        for (int i = 0; i < bodies.length; i++) {
            String id = app().post("/api/themes", bodies[i], t).json().path("id").asText();
            if (jql[i] != null) {
                app().post("/api/themes/" + id + "/links", "{\"jql\":\"" + jql[i] + "\"}", t);
            }
        }
        String query = "projectKey=WEB";
        String page = "http://localhost:" + port + "/pages/roadmap?jwt=" + connect.requestToken("GET", "/pages/roadmap", "", "pm-1") + "#" + t;
        Files.writeString(Path.of("/tmp/harness-roadmap.txt"), page + "\n");
        Thread.sleep(170_000);
    }
}

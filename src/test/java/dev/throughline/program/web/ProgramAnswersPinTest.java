package dev.throughline.program.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import dev.throughline.support.SandboxDayClock;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.throughline.support.PinnedJson.assertPinned;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The program rollup of the demo company, whole and field by field against
 * {@code src/test/resources/pinned/program/}: every group, forecast, dependency, burn-up,
 * epic and theme field, the rollup's progress, and the CSV. The app's day is the
 * sandbox's ({@link SandboxDayClock}); program and theme ids, made afresh per run, are
 * replaced by names (theme groups sorted by them), {@code fetchedAt} is masked.
 */
@Import(SandboxDayClock.class)
class ProgramAnswersPinTest extends InstalledSiteTest {

    private static final String PM = "pgm-pin";

    private final Map<String, String> ids = new LinkedHashMap<>();

    @Override
    protected void seed(SandboxSite site) {
        ProgramManagerSandbox.seed(site, PM);
        site.grant(PM, "WEB", "EDIT_ISSUES").grant(PM, "MOB", "EDIT_ISSUES");
    }

    private String created(String name, AppUnderTest.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        String id = reply.json().path("id").asText();
        ids.put(id, name);
        return id;
    }

    private String theme(String name, String more, String jql) {
        String id = created("theme-" + name, app().post("/api/themes",
                "{\"name\":\"" + name + "\",\"horizon\":\"now\"" + more + "}", connect.contextToken(PM)));
        AppUnderTest.Reply linked = app().post("/api/themes/" + id + "/links", "{\"jql\":\"" + jql + "\"}",
                connect.contextToken(PM));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        return id;
    }

    private String named(String text) {
        for (Map.Entry<String, String> id : ids.entrySet()) {
            text = text.replace(id.getKey(), id.getValue());
        }
        return text;
    }

    private JsonNode json(AppUnderTest.Reply reply) {
        JsonNode body = new AppUnderTest.Reply(reply.status(), named(reply.body()), reply.contentType(),
                reply.headers())
            .json();
        if (body instanceof ObjectNode object && object.has("fetchedAt")) {
            assertThat(object.path("fetchedAt").isTextual()).isTrue();
            object.put("fetchedAt", "<varies>");
            // theme groups come in the order of their ids, which are random: sorted by
            // the names that replace them
            List<JsonNode> themes = new ArrayList<>();
            body.path("groups").path("themes").forEach(themes::add);
            themes.sort(Comparator.comparing(theme -> theme.path("id").asText()));
            ((ObjectNode) body.path("groups")).putArray("themes").addAll(themes);
        }
        return body;
    }

    /** The CSV's theme rows, in the order of their random ids, sorted by name instead. */
    private static String themeRowsSorted(String csv) {
        List<String> lines = new ArrayList<>(List.of(csv.split("\n", -1)));
        List<Integer> themeRows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("theme,")) {
                themeRows.add(i);
            }
        }
        List<String> sorted = themeRows.stream().map(lines::get).sorted().toList();
        for (int i = 0; i < themeRows.size(); i++) {
            lines.set(themeRows.get(i), sorted.get(i));
        }
        return String.join("\n", lines);
    }

    @Test
    void theDemoProgramsRollupItsProgressAndItsCsv() {
        theme("Checkout", ",\"endQuarter\":\"2026-Q4\"", "project = WEB AND issuetype = Epic");
        theme("Mobile", ",\"endQuarter\":\"2027-Q1\"", "project = MOB AND issuetype = Epic");
        String program = created("program",
                app().post("/api/programs",
                        "{\"name\":\"Acme 2027 launch\",\"projects\":[\"WEB\",\"MOB\",\"PLAT\"],\"scopeGrowth\":true}",
                        connect.contextToken(PM)));
        String path = "/api/programs/" + program + "/rollup";

        AppUnderTest.Reply rollup = app().get(path, connect.contextToken(PM));
        assertPinned("program/rollup", rollup.status(), json(rollup));
        AppUnderTest.Reply progress = app().get(path + "/progress", connect.contextToken(PM));
        assertPinned("program/rollup-progress", progress.status(), json(progress));
        AppUnderTest.Reply csv = app().get("/api/programs/" + program + "/rollup.csv", connect.contextToken(PM));
        assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(named(csv.header("Content-Disposition"))).isEqualTo("attachment; filename=\"program-program.csv\"");
        assertPinned("program/rollup-csv", csv.status(), new TextNode(themeRowsSorted(named(csv.body()))));
    }

}

package dev.throughline.sandboxsite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.JiraTokenSigner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Creates the demo data the app owns through the app's own API, as the site admin: a
 * default model per project, scores on about half the open work (RICE in WEB, WSJF in
 * MOB, ICE in PLAT), four roadmap themes with epics linked, one program over the three
 * projects and a stored plan of it with two scenarios. Going through the API keeps the
 * demo data in exactly the format the app writes.
 */
public final class SandboxSeeder {

    /** What the demo data holds that pages and tests point at. */
    public record Seeded(List<String> themeIds, String programId, String scoredIssue, String unscoredIssue) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> MODEL_BY_PROJECT = Map.of("WEB", "RICE", "MOB", "WSJF", "PLAT", "ICE");

    private static final int[] FIBONACCI = { 1, 2, 3, 5, 8, 13, 20 };

    private final AppUnderTest app;

    private final JiraTokenSigner site;

    private final SandboxSite data;

    private final SplittableRandom random = new SplittableRandom(7);

    SandboxSeeder(AppUnderTest app, JiraTokenSigner site, SandboxSite data) {
        this.app = app;
        this.site = site;
        this.data = data;
    }

    Seeded seed() {
        MODEL_BY_PROJECT.forEach((project, model) -> expect(
                app.put("/api/projects/" + project + "/scoring", json(Map.of("defaultModel", model)), token()), 200));
        expect(app.put("/api/scoring/scorecards/strategic-fit", json(strategicFit()), token()), 200);
        expect(app.put("/api/settings", json(Map.of("staleDays", 90, "version", 0, "planners",
                Map.of("groups", List.of(SandboxSiteRuntime.PLANNER_GROUP)))), token()), 200);
        List<String> scored = scoreHalfTheOpenWork();
        List<String> themes = createThemes();
        String program = createProgram();
        createPlan(program);
        String unscored = data.issues()
            .stream()
            .filter(i -> i.type() == IssueType.STORY && !i.status().done() && !scored.contains(i.key()))
            .map(SandboxIssue::key)
            .findFirst()
            .orElseThrow();
        String openScored = data.issues()
            .stream()
            .filter(i -> i.type() == IssueType.STORY && !i.status().done() && scored.contains(i.key()))
            .map(SandboxIssue::key)
            .findFirst()
            .orElse(scored.get(0));
        return new Seeded(themes, program, openScored, unscored);
    }

    /** A custom scorecard, so the settings page and the panel's model list show one. */
    private static Map<String, Object> strategicFit() {
        return Map.of("name", "Strategic fit", "form", "WEIGHTED_SUM", "criteria",
                List.of(criterion("revenue", "Revenue impact", 3, "BENEFIT"),
                        criterion("retention", "Customer retention", 2, "BENEFIT"),
                        criterion("risk", "Delivery risk", 1, "COST")));
    }

    private static Map<String, Object> criterion(String key, String name, int weight, String kind) {
        return Map.of("key", key, "name", name, "weight", weight, "min", 0, "max", 10, "kind", kind);
    }

    private List<String> scoreHalfTheOpenWork() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (SandboxIssue issue : data.issues()) {
            if (issue.type().subtask() || random.nextInt(100) >= 55) {
                continue;
            }
            String model = MODEL_BY_PROJECT.get(issue.projectKey());
            items.add(Map.of("issueKey", issue.key(), "model", model, "inputs", inputs(model), "version", 0));
        }
        List<String> keys = new ArrayList<>();
        for (int from = 0; from < items.size(); from += 100) {
            List<Map<String, Object>> batch = items.subList(from, Math.min(items.size(), from + 100));
            expect(app.post("/api/value/bulk", json(Map.of("items", batch)), token()), 200);
            batch.forEach(item -> keys.add((String) item.get("issueKey")));
        }
        return keys;
    }

    private Map<String, Object> inputs(String model) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        switch (model) {
            case "RICE" -> {
                inputs.put("reach", 50 * (1 + random.nextInt(40)));
                inputs.put("impact", List.of(0.25, 0.5, 1, 2, 3).get(random.nextInt(5)));
                inputs.put("confidence", List.of(50, 80, 100).get(random.nextInt(3)));
                inputs.put("effort", 1 + random.nextInt(8));
            }
            case "WSJF" -> {
                for (String input : List.of("businessValue", "timeCriticality", "riskReduction", "jobSize")) {
                    inputs.put(input, FIBONACCI[random.nextInt(FIBONACCI.length)]);
                }
            }
            default -> {
                for (String input : List.of("impact", "confidence", "ease")) {
                    inputs.put(input, 1 + random.nextInt(10));
                }
            }
        }
        return inputs;
    }

    private List<String> createThemes() {
        List<Map<String, Object>> themes = List.of(
                theme("Checkout that converts", "GREEN", "ACTIVE", "NOW", "2026-Q4", "2027-Q1",
                        "Cart abandonment below 60 %", "WEB"),
                theme("Mobile offline mode", "BLUE", "ACTIVE", "NOW", "2026-Q4", "2027-Q2",
                        "Field teams work without signal", "MOB"),
                theme("Platform reliability", "ORANGE", "PROPOSED", "NEXT", "2027-Q2", "2027-Q3",
                        "99.95 % monthly availability", "PLAT"),
                theme("Self-serve analytics", "PURPLE", "PROPOSED", "LATER", null, null,
                        "Customers answer their own questions", null));
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> theme : themes) {
            String project = (String) theme.remove("linkEpicsOf");
            JsonNode created = expect(app.post("/api/themes", json(theme), token()), 201);
            String id = created.path("id").asText();
            ids.add(id);
            if (project != null) {
                List<String> epics = data.issues()
                    .stream()
                    .filter(i -> i.type() == IssueType.EPIC && i.projectKey().equals(project))
                    .limit(2)
                    .map(SandboxIssue::key)
                    .toList();
                expect(app.post("/api/themes/" + id + "/links", json(Map.of("issueKeys", epics)), token()), 200);
            }
        }
        return ids;
    }

    private static Map<String, Object> theme(String name, String color, String status, String horizon, String start,
            String end, String outcome, String linkEpicsOf) {
        Map<String, Object> theme = new LinkedHashMap<>();
        theme.put("name", name);
        theme.put("color", color);
        theme.put("status", status);
        theme.put("horizon", horizon);
        if (start != null) {
            theme.put("startQuarter", start);
            theme.put("endQuarter", end);
        }
        theme.put("outcome", outcome);
        theme.put("owner", "5b10ac8d82e05b22cc7d4ef5"); // Mia Krystof
        theme.put("linkEpicsOf", linkEpicsOf);
        return theme;
    }

    private String createProgram() {
        Map<String, Object> program = Map.of("name", "Acme 2027 launch", "projects", List.of("WEB", "MOB", "PLAT"),
                "progressBasis", "story_points", "throughputWeeks", 12);
        return expect(app.post("/api/programs", json(program), token()), 201).path("id").asText();
    }

    /** The demo plan's board team: a board of MOB whose filter shows two of its epics. */
    static final String DEMO_BOARD = "Mobile payments team";

    /**
     * A year's plan with two scenarios; neither names a quarter, so the plan solves
     * whatever day the app thinks it is. It compares RICE scores (WEB's model): MOB's
     * WSJF and PLAT's ICE epics are listed apart, never mixed in. Its board team is a MOB
     * board whose filter shows MOB's first two epics with open work and their children:
     * they are its work, the rest of MOB stays MOB's.
     */
    private void createPlan(String program) {
        List<String> epics = data.issues()
            .stream()
            .filter(i -> i.type() == IssueType.EPIC && i.projectKey().equals("MOB"))
            .filter(i -> data.children(i.id()).stream().anyMatch(child -> !child.status().done()))
            .map(SandboxIssue::key)
            .limit(2)
            .toList();
        String keys = String.join(", ", epics);
        long board = data.boards()
            .stream()
            .filter(b -> b.name().equals(DEMO_BOARD))
            .findFirst()
            .orElseGet(() -> data.addBoard(DEMO_BOARD, "MOB",
                    "project = MOB AND (key in (" + keys + ") OR parent in (" + keys + "))"))
            .id();
        Map<String, Object> cheaperDelay = Map.of("name", "Delay costs less", "changes",
                List.of(Map.of("type", "discount", "discount", 0.05)));
        Map<String, Object> partner = Map.of("name", "Pull in the partner integration", "changes",
                List.of(Map.of("type", "add", "key", "PARTNER", "summary", "Partner integration", "team", "PLAT",
                        "value", 40, "effort", 13)));
        Map<String, Object> plan = Map.of("name", "Next year", "quarters", 4, "model", "RICE", "scenarios",
                List.of(cheaperDelay, partner), "boards", List.of(board));
        expect(app.post("/api/programs/" + program + "/plans", json(plan), token()), 201);
    }

    private String token() {
        return site.contextToken(SandboxSite.ADMIN);
    }

    private static JsonNode expect(AppUnderTest.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException(
                    "Sandbox demo data: expected " + status + " but got " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}

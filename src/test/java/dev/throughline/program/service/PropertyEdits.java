package dev.throughline.program.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.http.SandboxWebhooks;
import dev.throughline.tenant.Site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The replay's writes of Throughline's issue properties by another tool (score records
 * and theme links, set or deleted) and their webhooks as the sandbox sends them
 * ({@link SandboxWebhooks}), delivered through the app's intake: some twice, some late
 * (after newer ones), and score events sometimes dropped. Theme link events are never
 * dropped: this tool writes links with no date (as links written before they carried
 * {@code updatedAt}), so a lost change is caught by the reconciliation only when it
 * changes their count (README, Property writes).
 */
final class PropertyEdits {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SandboxSite site;

    private final SandboxWebhooks webhooks;

    private final JiraEventIntake intake;

    private final Site appSite;

    private final List<String> late = new ArrayList<>();

    PropertyEdits(SandboxSite site, SandboxWebhooks webhooks, JiraEventIntake intake, Site appSite) {
        this.site = site;
        this.webhooks = webhooks.hold();
        this.intake = intake;
        this.appSite = appSite;
    }

    /** One write to a random issue's score record or theme links. */
    void edit(Random random) {
        List<SandboxIssue> issues = site.issues();
        SandboxIssue issue = issues.get(random.nextInt(issues.size()));
        boolean score = random.nextBoolean();
        String key = score ? "throughline.value" : "throughline.themes";
        if (random.nextInt(4) == 0) {
            site.issueProperties().delete(String.valueOf(issue.id()), key);
        }
        else {
            site.setIssueProperty(issue.key(), key, score ? record(site, random.nextInt(100)) : themes(random));
        }
    }

    /**
     * Delivers the webhooks of the writes since the last call (0–1 of 10 dropped, 2
     * twice, 3 held back), and now and then one held back before.
     */
    void deliver(Random random) {
        for (String body : webhooks.takeHeld()) {
            int fate = random.nextInt(10);
            if (fate < 2 && !body.contains("\"throughline.themes\"")) {
                continue;
            }
            if (fate == 3) {
                late.add(body);
                continue;
            }
            for (int times = fate == 2 ? 2 : 1; times > 0; times--) {
                send(body);
            }
        }
        if (!late.isEmpty() && random.nextInt(3) == 0) {
            send(late.remove(random.nextInt(late.size())));
        }
    }

    /** The webhooks still held back, delivered (late, after newer ones). */
    void deliverLate() {
        late.forEach(this::send);
        late.clear();
    }

    /** Per held issue, what the read model keeps of Throughline's properties. */
    static Map<Long, List<Object>> kept(IssueFactsStore store, String siteKey, List<String> projects) {
        Map<Long, List<Object>> kept = new HashMap<>();
        store.forEach(siteKey, projects, (IssueFacts f) -> kept.put(f.id(),
                List.of(f.valueScore(), f.valueModel(), f.valueReadable(), f.valueDetail(), f.themeIds())));
        return kept;
    }

    private void send(String body) {
        try {
            intake.propertyEvent(appSite, body.contains("issue_property_deleted"), JSON.readTree(body));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A complete score record dated the site's now, as a tool writing one dates it. */
    static Map<String, Object> record(SandboxSite site, int score) {
        return Map.of("model", "RICE", "modelVersion", 1, "inputs", Map.of("reach", score), "score", score, "updatedAt",
                site.now().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""), "updatedBy", "another-tool",
                "version", score + 1, "history", List.of());
    }

    private static Map<String, Object> themes(Random random) {
        List<String> ids = new ArrayList<>();
        for (String id : List.of("t1", "t2", "t3")) {
            if (random.nextBoolean()) {
                ids.add(id);
            }
        }
        return Map.of("themeIds", ids);
    }

}

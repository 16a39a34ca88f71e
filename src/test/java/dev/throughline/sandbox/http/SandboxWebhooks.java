package dev.throughline.sandbox.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.throughline.sandbox.PropertyStore;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The webhooks the site sends when an issue property is set or deleted, by any caller
 * (the app, another tool through REST, a bulk set, the model itself), as Jira does:
 * {@code issue_property_set} / {@code issue_property_deleted} with the property's key and
 * (when set) value, the issue's id, key and project, and Jira's {@code timestamp}
 * (strictly increasing here, so tests can reorder deliveries). Off until a test asks:
 * {@link #deliverTo} hands each body to a sender at once; {@link #hold} keeps them for
 * {@link #takeHeld}, so a test can drop, repeat or reorder them.
 */
public final class SandboxWebhooks {

    private final SandboxSite site;

    private final String baseUrl;

    private final List<String> held = new ArrayList<>();

    private volatile Consumer<String> sender;

    private long lastTimestamp;

    SandboxWebhooks(SandboxSite site, String baseUrl) {
        this.site = site;
        this.baseUrl = baseUrl;
        site.issueProperties().listen(this::changed);
    }

    /** Every webhook from now on goes to {@code send} (a JSON body) as it happens. */
    public SandboxWebhooks deliverTo(Consumer<String> send) {
        this.sender = send;
        return this;
    }

    /** Every webhook from now on is kept until {@link #takeHeld}. */
    public SandboxWebhooks hold() {
        return deliverTo(body -> {
            synchronized (held) {
                held.add(body);
            }
        });
    }

    /** The webhooks kept since the last call, oldest first. */
    public List<String> takeHeld() {
        synchronized (held) {
            List<String> taken = List.copyOf(held);
            held.clear();
            return taken;
        }
    }

    private void changed(String issueId, String propertyKey, Optional<Object> value) {
        Consumer<String> send = sender;
        Optional<SandboxIssue> issue = site.issueById(Long.parseLong(issueId));
        if (send == null || issue.isEmpty()) {
            return;
        }
        ObjectNode body = JiraJson.object()
            .put("timestamp", nextTimestamp())
            .put("webhookEvent", value.isPresent() ? "issue_property_set" : "issue_property_deleted");
        ObjectNode property = body.putObject("property").put("key", propertyKey);
        value.ifPresent(v -> property.set("value", JiraJson.tree(PropertyStore.unwrap(v))));
        ObjectNode sent = body.putObject("issue")
            .put("id", issueId)
            .put("key", issue.get().key())
            .put("self", baseUrl + "/rest/api/3/issue/" + issueId);
        sent.putObject("fields")
            .putObject("project")
            .put("id", String.valueOf(issue.get().projectId()))
            .put("key", issue.get().projectKey());
        send.accept(body.toString());
    }

    private synchronized long nextTimestamp() {
        lastTimestamp = Math.max(site.now().toEpochMilli(), lastTimestamp + 1);
        return lastTimestamp;
    }

}

package dev.throughline.jira;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpMethod;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira's bulk issue property write: one request starts a task, which is then followed
 * (bounded) until it ends, because the write is applied by the task and not by the
 * request.
 */
final class BulkPropertyTasks {

    private static final String BULK_ISSUE_PROPERTIES = "/rest/api/3/issue/properties/multi";

    private static final String TASK = "/rest/api/3/task/{taskId}";

    private static final Pattern TASK_ID = Pattern.compile("/rest/api/3/task/([^/?#]+)");

    private final JiraHttp http;

    private final JiraClientSettings settings;

    private final Sleeper sleeper;

    BulkPropertyTasks(JiraHttp http, JiraClientSettings settings, Sleeper sleeper) {
        this.http = http;
        this.settings = settings;
        this.sleeper = sleeper;
    }

    BulkPropertyResult put(List<IssuePropertyUpdate> updates) {
        Checks.noNulls("updates", updates);
        if (updates.isEmpty()) {
            throw new IllegalArgumentException("no issue property updates");
        }
        List<Map<String, Object>> issues = new ArrayList<>();
        for (IssuePropertyUpdate update : updates) {
            Map<String, Object> properties = new LinkedHashMap<>();
            update.properties().forEach((key, value) -> properties.put(key, Json.parse(value.json())));
            issues.add(Map.of("issueID", update.issueId(), "properties", properties));
        }
        JiraHttp.Answer answer = http.send(HttpMethod.POST, BULK_ISSUE_PROPERTIES, Map.of("issues", issues), Map.of());
        String taskId = answer.location()
            .map(BulkPropertyTasks::taskId)
            .orElseThrow(() -> new JiraException(
                    "Jira accepted the bulk property update without naming its task (status " + answer.status() + ")",
                    answer.status(), List.of(), Map.of()));
        return follow(taskId);
    }

    private static String taskId(URI location) {
        Matcher matcher = TASK_ID.matcher(location.getPath() == null ? "" : location.getPath());
        if (!matcher.find()) {
            throw new JiraException("Jira named no task in its Location: " + location, 303, List.of(), Map.of());
        }
        return matcher.group(1);
    }

    /**
     * Polls the task at the configured interval until it ends or the task timeout passes.
     * Running out of a user request's time while polling says that Jira accepted the
     * writes (they may be applied, or be still running).
     */
    private BulkPropertyResult follow(String taskId) {
        try {
            return poll(taskId);
        }
        catch (JiraDeadlineException late) {
            throw new JiraDeadlineException("Jira accepted the bulk property task " + taskId
                    + " but it had not ended by the request's deadline: " + late.getMessage(), true, late);
        }
    }

    private BulkPropertyResult poll(String taskId) {
        Duration waited = Duration.ZERO;
        while (true) {
            JsonNode task = progress(taskId);
            String status = task.path("status").asText();
            switch (status) {
                case "COMPLETE":
                    return JiraReaders.completedTask(taskId, task);
                case "ENQUEUED", "RUNNING", "CANCEL_REQUESTED":
                    break;
                default: // FAILED, CANCELLED, DEAD, or anything new
                    throw new JiraTaskFailedException(taskId, status, Json.text(task, "message"));
            }
            if (waited.compareTo(settings.taskTimeout()) >= 0) {
                throw new JiraTaskFailedException(taskId, "TIMED_OUT",
                        "still " + status + " after " + settings.taskTimeout().toMillis() + " ms");
            }
            Duration pause = RequestDeadline.cut(settings.taskPollInterval());
            try {
                sleeper.sleep(pause);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JiraTaskFailedException(taskId, "INTERRUPTED", "stopped waiting");
            }
            waited = waited.plus(pause);
        }
    }

    /**
     * The task's progress; a failure to read it is not a failure of the task, whose
     * outcome is then unknown.
     */
    private JsonNode progress(String taskId) {
        try {
            return http.get(TASK, Map.of("taskId", taskId));
        }
        catch (JiraDeadlineException late) {
            throw late; // the request's time is up: follow() says the writes may be
                        // applied
        }
        catch (JiraException e) {
            throw new JiraTaskFailedException(taskId, "UNFOLLOWED", "reading its progress failed: " + e.getMessage(),
                    e);
        }
    }

}

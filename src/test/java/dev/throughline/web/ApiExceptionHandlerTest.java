package dev.throughline.web;

import dev.throughline.jira.JiraException;
import dev.throughline.jira.JiraTaskFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jira failures that Jira gave no words for are still said plainly; an accepted task is
 * never "nothing was lost".
 */
class ApiExceptionHandlerTest {

    final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void aFailedJiraTaskSaysPartOfTheChangeMayBeWrittenAndAsksForAReread() {
        ResponseEntity<Map<String, Object>> answer = handler
            .taskFailed(new JiraTaskFailedException("10002", "FAILED", "2 issues failed"));

        assertThat(answer.getStatusCodeValue()).isEqualTo(502);
        assertThat((String) answer.getBody().get("message")).contains("Jira task 10002 ended FAILED: 2 issues failed")
            .contains("may be written")
            .doesNotContain("nothing was lost");
        assertThat(answer.getBody()).containsEntry("action", "reread");
    }

    @Test
    void aJiraFailureWithoutAnAnswerNamesWhatTheClientSawNotHttp0() {
        ResponseEntity<Map<String, Object>> answer = handler
            .jiraFailed(new JiraException("Jira named no task", 0, List.of(), Map.of()));

        assertThat((String) answer.getBody().get("message")).contains("Jira named no task").doesNotContain("HTTP 0");
        assertThat(ApiExceptionHandler.jiraMessage(new JiraException("x", 500, List.of(), Map.of())))
            .isEqualTo("HTTP 500");
    }

}

package dev.throughline.grooming.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.problems.NotAllowedException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What must hold before a backlog is reordered (apply or undo), checked before any issue
 * moves: a real board, an order of the same issues, the caller's right to rank them.
 */
final class ApplyChecks {

    private ApplyChecks() {
    }

    /**
     * The caller may rank every issue of the backlog: Jira's Schedule issues in each of
     * their projects (403 naming the first that lacks it).
     */
    static void requireRankPermission(JiraClient client, String accountId, List<JiraIssue> issues) {
        Map<Long, String> projects = new LinkedHashMap<>();
        issues.forEach(i -> i.fields()
            .projectId()
            .ifPresent(id -> projects.putIfAbsent(id, i.fields().projectKey().orElse(String.valueOf(id)))));
        for (Map.Entry<Long, String> project : projects.entrySet()) {
            if (!client.canScheduleIssues(accountId, project.getKey())) {
                throw new NotAllowedException("You cannot rank issues in project " + project.getValue()
                        + ": Jira's Schedule issues permission is needed to reorder this backlog. Nothing was moved.");
            }
        }
    }

    /** An order holds each issue of the expected current order once, and no other. */
    static void checkSameIssues(List<String> order, List<String> expectedCurrent) {
        List<FieldError> errors = new ArrayList<>();
        if (new HashSet<>(order).size() != order.size()) {
            errors.add(new FieldError("order", "An issue appears twice"));
        }
        if (new HashSet<>(expectedCurrent).size() != expectedCurrent.size()) {
            errors.add(new FieldError("expectedCurrent", "An issue appears twice"));
        }
        if (errors.isEmpty() && !new HashSet<>(order).equals(new HashSet<>(expectedCurrent))) {
            errors.add(new FieldError("order", "The order must hold exactly the issues of expectedCurrent"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    static long requireBoard(long boardId) {
        if (boardId < 1) {
            throw new InvalidInputException("boardId", "A board id is a positive number");
        }
        return boardId;
    }

}

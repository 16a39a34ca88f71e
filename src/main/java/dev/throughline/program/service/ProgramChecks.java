package dev.throughline.program.service;

import dev.throughline.jira.JiraBadRequestException;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraProject;
import dev.throughline.jira.Jql;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.program.ProgramDraft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a program draft must pass in Jira before it is saved, beyond its own shape
 * ({@link ProgramDraft}): every project exists and the saver may browse it, and Jira can
 * read the refinement. A program saved otherwise would report "complete" over nothing and
 * a skipped project's JQL error. Jira is asked, not our own parser: one project search,
 * one permission check and one approximate count, whose answer is also how many issues
 * the program matches.
 */
final class ProgramChecks {

    private ProgramChecks() {
    }

    /**
     * The approximate number of issues the draft matches; 400 naming {@code projects[i]}
     * or {@code jql} (and nothing saved) when Jira says otherwise. A project the saver
     * cannot browse gets the same words as one that does not exist, so the check tells
     * nobody which projects exist.
     */
    static long matches(JiraClient client, String accountId, ProgramDraft draft) {
        Map<String, JiraProject> found = client.projects(draft.projects())
            .collect(Collectors.toMap(JiraProject::key, Function.identity(), (a, b) -> a));
        Set<Long> browsable = found.isEmpty() ? Set.of()
                : client.browsableProjects(accountId, found.values().stream().map(JiraProject::id).toList());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < draft.projects().size(); i++) {
            String key = draft.projects().get(i);
            JiraProject project = found.get(key);
            if (project == null || !browsable.contains(project.id())) {
                errors.add(new FieldError("projects[" + i + "]", "There is no project " + key
                        + " that you may browse in Jira: it does not exist, or you lack Browse projects there"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Jql scope = Jql.projectIn(draft.projects());
        try {
            return client.approximateCount(draft.jql().map(text -> scope.and(Jql.refinement(text))).orElse(scope));
        }
        catch (JiraBadRequestException e) {
            String why = e.errorMessages().isEmpty() ? e.getMessage() : String.join(" ", e.errorMessages());
            throw new InvalidInputException("jql", "Jira cannot read this refinement: " + why);
        }
    }

}

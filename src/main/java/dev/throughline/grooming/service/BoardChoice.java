package dev.throughline.grooming.service;

import dev.throughline.jira.Board;
import dev.throughline.jira.JiraClient;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A project's boards the caller may browse ({@code visible}) and how many others it has
 * ({@code hidden}, never named): "a board you cannot see" is not "no board".
 */
public record BoardChoice(List<Board> visible, int hidden) {

    public BoardChoice {
        visible = List.copyOf(visible);
        if (hidden < 0) {
            throw new IllegalArgumentException("hidden boards must be >= 0");
        }
    }

    static BoardChoice of(JiraClient client, String accountId, String projectKey) {
        List<Board> boards = client.boards(Optional.of(projectKey)).toList();
        Set<Long> projects = new HashSet<>();
        boards.forEach(b -> b.projectId().ifPresent(projects::add));
        Set<Long> browsable = projects.isEmpty() ? Set.of() : client.browsableProjects(accountId, projects);
        List<Board> visible = boards.stream()
            .filter(b -> b.projectId().map(browsable::contains).orElse(false))
            .toList();
        return new BoardChoice(visible, boards.size() - visible.size());
    }
}

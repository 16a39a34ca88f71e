package dev.throughline.grooming.service;

import dev.throughline.jira.JiraClient;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A backlog as one viewer may read it. The snapshot is read as the app and shared, and a
 * row may name issues outside the board's projects (an open blocker, the parent its
 * themes come from); those are named only when the viewer may browse their project, else
 * left out: the row's flags still count them. The board's own projects were checked
 * already; others cost one project lookup and one permission check, only when there are
 * any.
 */
final class BacklogNames {

    private BacklogNames() {
    }

    static BacklogSnapshot seenBy(JiraClient client, String accountId, BacklogSnapshot snapshot) {
        Set<String> nameable = new HashSet<>();
        snapshot.rows().forEach(row -> row.projectKey().ifPresent(nameable::add));
        Set<String> others = new TreeSet<>();
        for (BacklogRow row : snapshot.rows()) {
            row.openBlockers().forEach(key -> others.add(BacklogRow.projectOf(key)));
            row.themesFrom().ifPresent(key -> others.add(BacklogRow.projectOf(key)));
        }
        others.removeAll(nameable);
        if (others.isEmpty()) {
            return snapshot;
        }
        Map<Long, String> keysById = new HashMap<>();
        client.projects(others).filter(p -> others.contains(p.key())).forEach(p -> keysById.put(p.id(), p.key()));
        if (!keysById.isEmpty()) {
            client.browsableProjects(accountId, keysById.keySet()).forEach(id -> nameable.add(keysById.get(id)));
        }
        List<BacklogRow> rows = snapshot.rows().stream().map(row -> row.namingOnly(nameable::contains)).toList();
        return new BacklogSnapshot(snapshot.boardId(), rows, snapshot.flagCounts(), snapshot.readAt(),
                snapshot.scoreRanks());
    }

}

package dev.throughline.grooming.service;

import dev.throughline.grooming.BacklogItem;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the ordering core takes from a backlog snapshot. */
final class ProposalInputs {

    private ProposalInputs() {
    }

    /** Each row as the ordering sees it: score with its model, pin, open blockers. */
    static List<BacklogItem> items(BacklogSnapshot snapshot, Set<String> pins) {
        return snapshot.rows()
            .stream()
            .map(row -> new BacklogItem(row.key(), row.score().orElse(null), pins.contains(row.key()),
                    row.openBlockers().stream().filter(b -> !b.equals(row.key())).collect(Collectors.toSet()),
                    row.score().flatMap(s -> row.model()).orElse(null)))
            .toList();
    }

    /**
     * The project most of the backlog belongs to (a board's own project): its default
     * model leads a backlog scored with several models. Ties go to the project first in
     * rank order, so the answer does not depend on map iteration.
     */
    static Optional<String> homeProject(BacklogSnapshot snapshot) {
        List<String> projects = snapshot.rows().stream().flatMap(r -> r.projectKey().stream()).toList();
        Map<String, Long> counts = projects.stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return projects.stream()
            .distinct()
            .max(Comparator.comparingLong(counts::get).thenComparing(p -> -projects.indexOf(p)));
    }

}

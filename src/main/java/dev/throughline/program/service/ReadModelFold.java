package dev.throughline.program.service;

import dev.throughline.program.rollup.ProjectRollup;
import dev.throughline.program.rollup.RollupSettings;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFactsStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Folds projects from the read model instead of Jira. A parent or blocker moved to
 * another project is named by the key the read model holds for it now (a search would
 * name it so too), not by the key it had when the issue pointing at it was read.
 */
final class ReadModelFold {

    private ReadModelFold() {
    }

    /**
     * @param belongs which issues belong to the program (its refinement's ids), by id:
     * the others only name parents and blockers
     */
    static Map<String, ProjectRollup> fold(IssueFactsStore store, String siteKey, List<String> projects,
            RollupSettings settings, LongPredicate belongs) {
        Map<String, List<IssueFacts>> byProject = new LinkedHashMap<>();
        Map<Long, String> keys = new HashMap<>();
        store.forEach(siteKey, projects, facts -> {
            byProject.computeIfAbsent(facts.projectKey(), k -> new ArrayList<>()).add(facts);
            keys.put(facts.id(), facts.key());
        });
        Map<String, ProjectRollup> rollups = new LinkedHashMap<>();
        for (String project : projects) {
            ProjectRollup rollup = new ProjectRollup(settings);
            for (IssueFacts facts : byProject.getOrDefault(project, List.of())) {
                if (!belongs.test(facts.id())) {
                    continue;
                }
                rollup.accept(IssueMapper.map(facts, project, settings.today(), id -> Optional.ofNullable(keys.get(id)),
                        facts.subtaskCount()));
            }
            byProject.remove(project); // its facts are folded: let them go
            rollups.put(project, rollup);
        }
        return rollups;
    }

}

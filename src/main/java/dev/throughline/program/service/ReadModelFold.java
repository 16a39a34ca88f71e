package dev.throughline.program.service;

import dev.throughline.program.rollup.ProjectRollup;
import dev.throughline.program.rollup.RollupSettings;
import dev.throughline.readmodel.IssueFactsStore;

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
     * Two reads: the issues' keys first (the only thing a fold needs of other issues),
     * then the facts, each folded into its project's rollup as it comes and dropped, so
     * memory grows with the projects' groups, not with their issues.
     * @param belongs which issues belong to the program (its refinement's ids), by id:
     * the others only name parents and blockers
     */
    static Map<String, ProjectRollup> fold(IssueFactsStore store, String siteKey, List<String> projects,
            RollupSettings settings, LongPredicate belongs) {
        Map<Long, String> keys = store.keys(siteKey, projects);
        Map<String, ProjectRollup> rollups = new LinkedHashMap<>();
        projects.forEach(project -> rollups.put(project, new ProjectRollup(settings)));
        store.forEach(siteKey, projects, facts -> {
            ProjectRollup rollup = rollups.get(facts.projectKey());
            if (rollup != null && belongs.test(facts.id())) {
                rollup.accept(IssueMapper.map(facts, facts.projectKey(), settings.today(),
                        id -> Optional.ofNullable(keys.get(id)), facts.subtaskCount()));
            }
        });
        return rollups;
    }

}

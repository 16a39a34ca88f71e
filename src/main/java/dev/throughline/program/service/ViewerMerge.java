package dev.throughline.program.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.throughline.jira.JiraClient;
import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.rollup.ProjectRollup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each viewer's rollup of a fetch: only the projects they may browse count, so two
 * viewers share one fetch but see different totals. A repeat of the same view comes from
 * memory; a view after a change is worked out from the viewer's last one
 * ({@link AssembledResults}).
 */
final class ViewerMerge {

    /**
     * One viewer's merge of one fetch: the projects they may browse decide the numbers.
     * Two fetches started at the same instant (a fold from the read model takes
     * milliseconds) are told apart by the fetch object itself.
     */
    record ResultKey(FetchKey fetch, Instant fetchedAt, int fetchIdentity, Set<Long> visibleProjects) {
    }

    private final Cache<ResultKey, ProgramRollup> results;

    private final AssembledResults assembled;

    ViewerMerge(SiteTtl siteTtl) {
        this(siteTtl, AssembledResults.FROM_THE_LAST);
    }

    /**
     * @param assembler merges a viewer's projects and assembles the result (a test counts
     * its calls)
     */
    ViewerMerge(SiteTtl siteTtl, AssembledResults.Assembler assembler) {
        this.assembled = new AssembledResults(siteTtl, assembler);
        this.results = Caffeine.newBuilder()
            .expireAfter(siteTtl.<ResultKey, ProgramRollup>expiry(k -> k.fetch().clientKey()))
            .maximumSize(2_000)
            .build();
    }

    /**
     * The rollup of {@code fetched} over the projects the viewer may browse (one
     * permission check, cached).
     */
    ProgramRollup merge(JiraClient client, String accountId, ProgramDefinition program, FetchKey key, Fetched fetched) {
        Set<Long> visible = fetched.projectIds().isEmpty() ? Set.of()
                : client.browsableProjects(accountId, fetched.projectIds().values());
        List<ProjectRollup> parts = new ArrayList<>();
        int leftOut = 0;
        for (Map.Entry<String, ProjectRollup> entry : fetched.rollups().entrySet()) {
            Long id = fetched.projectIds().get(entry.getKey());
            if (id != null && visible.contains(id)) {
                parts.add(entry.getValue());
            }
            else {
                leftOut++;
            }
        }
        int out = leftOut;
        // a repeat of the same view comes from memory
        return results.get(
                new ResultKey(key, fetched.fetchedAt(), System.identityHashCode(fetched), Set.copyOf(visible)),
                k -> new ProgramRollup(program,
                        assembled.of(new AssembledResults.Slot(key.clientKey(), program.id(), visible),
                                fetched.settings(), parts),
                        out, fetched.skipped(), fetched.fetchedAt(), fetched.themeNames()));
    }

}

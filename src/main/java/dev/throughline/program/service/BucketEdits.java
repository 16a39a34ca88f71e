package dev.throughline.program.service;

import dev.throughline.program.rollup.ProgramIssue;
import dev.throughline.program.rollup.ProjectRollup;
import dev.throughline.program.rollup.RollupSettings;
import dev.throughline.program.service.KeptRollups.Bucket;
import dev.throughline.program.service.KeptRollups.Kept;
import dev.throughline.readmodel.FactsEdit;
import dev.throughline.readmodel.FoldRevisions;
import dev.throughline.readmodel.FoldRevisions.Part;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFactsStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Brings kept buckets up to date by difference: the edits written to a bucket since its
 * kept revision (each issue's row before and after, {@link IssueFactsStore#editsIn}) take
 * the issue's old item out of a copy of the kept rollup and fold its new one in, so a
 * view after 100 edits reads and folds about 100 rows instead of every row of the ~90
 * buckets they fall in. A bucket the store cannot describe (a new, deleted, moved or
 * re-keyed row, edits pruned, ids joined or left) is folded again from its rows.
 */
final class BucketEdits {

    private BucketEdits() {
    }

    /**
     * The buckets of {@code changed} that the edits bring to {@code at}, by project; the
     * caller folds the others from their rows.
     * @param before each project's kept folds, for every project in {@code changed}
     */
    static Map<String, Map<Integer, Bucket>> apply(IssueFactsStore store, String siteKey, Collection<String> projects,
            RollupSettings settings, BucketMembers members, FoldRevisions at, Map<String, Kept> before,
            Map<String, Set<Integer>> changed) {
        Map<String, Map<Integer, List<FactsEdit>>> found = new LinkedHashMap<>();
        changed.forEach((project, buckets) -> {
            Kept was = before.get(project);
            Map<Integer, FactsEdit.Range> ranges = new HashMap<>();
            for (int bucket : buckets) {
                long now = at.of(new Part(project, bucket));
                Optional.ofNullable(was.buckets().get(bucket))
                    .filter(kept -> kept.editable(now, members.of(bucket)))
                    .ifPresent(kept -> ranges.put(bucket, new FactsEdit.Range(kept.revision(), now)));
            }
            if (!ranges.isEmpty()) {
                store.editsIn(siteKey, project, ranges)
                    .forEach((bucket, edits) -> edits
                        .ifPresent(list -> found.computeIfAbsent(project, p -> new HashMap<>()).put(bucket, list)));
            }
        });
        if (found.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> keys = store.keys(siteKey, projects, named(found));
        Map<String, Map<Integer, Bucket>> brought = new HashMap<>();
        found.forEach((project, buckets) -> buckets.forEach((bucket, edits) -> {
            Bucket kept = before.get(project).buckets().get(bucket);
            applied(kept.rollup(), edits, settings, members, keys)
                .ifPresent(rollup -> brought.computeIfAbsent(project, p -> new HashMap<>())
                    .put(bucket, new Bucket(at.of(new Part(project, bucket)), members.of(bucket), rollup, true)));
        }));
        return brought;
    }

    /**
     * A copy of {@code kept} with each edited issue's first row before the edits taken
     * out and its last row after them folded in (the rows in between cancel out); empty
     * when the kept rollup does not hold what the edits say it held, as far as that shows
     * (a missing group, end or link; a sum that cannot go back to its scale): the copy,
     * partly changed, is dropped and the bucket folded again from its rows.
     */
    private static Optional<ProjectRollup> applied(ProjectRollup kept, List<FactsEdit> edits, RollupSettings settings,
            BucketMembers members, Map<Long, String> keys) {
        Map<Long, IssueFacts> first = new LinkedHashMap<>();
        Map<Long, IssueFacts> last = new HashMap<>();
        for (FactsEdit edit : edits) {
            first.putIfAbsent(edit.before().id(), edit.before());
            last.put(edit.after().id(), edit.after());
        }
        ProjectRollup next = kept.copy();
        try {
            first.forEach((id, was) -> {
                if (members.contains(id)) {
                    next.remove(mapped(was, settings, keys));
                    next.accept(mapped(last.get(id), settings, keys));
                }
            });
        }
        catch (IllegalArgumentException | ArithmeticException notHeld) {
            return Optional.empty();
        }
        return Optional.of(next);
    }

    /**
     * Mapped as the fold mapped it: the site's keys are unchanged while a fold is kept.
     */
    private static ProgramIssue mapped(IssueFacts facts, RollupSettings settings, Map<Long, String> keys) {
        return IssueMapper.map(facts, facts.projectKey(), settings.today(), id -> Optional.ofNullable(keys.get(id)),
                facts.subtaskCount());
    }

    /** The issues the edited rows name, before and after: parents and both link ends. */
    private static Set<Long> named(Map<String, Map<Integer, List<FactsEdit>>> found) {
        List<IssueFacts> rows = new ArrayList<>();
        found.values()
            .forEach(buckets -> buckets.values()
                .forEach(edits -> edits.forEach(edit -> rows.addAll(List.of(edit.before(), edit.after())))));
        return ReadModelFold.named(rows);
    }

}

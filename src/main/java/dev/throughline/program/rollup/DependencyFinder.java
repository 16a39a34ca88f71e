package dev.throughline.program.rollup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/** Pairs up link ends once every issue has been seen, whichever end arrived first. */
final class DependencyFinder {

    private final RollupSettings settings;

    private final Map<String, DependencyEnd> ends;

    private final BiFunction<String, List<String>, Set<String>> themesOf;

    private final Predicate<String> parentSeen;

    /**
     * @param parentSeen whether a parent was read (so it is in a project the viewer may
     * browse)
     */
    DependencyFinder(RollupSettings settings, Map<String, DependencyEnd> ends,
            BiFunction<String, List<String>, Set<String>> themesOf, Predicate<String> parentSeen) {
        this.settings = settings;
        this.ends = ends;
        this.themesOf = themesOf;
        this.parentSeen = parentSeen;
    }

    DependencyReport find(List<BlockingLink> links) {
        List<Dependency> open = new ArrayList<>();
        int unseen = 0;
        for (BlockingLink link : links) {
            DependencyEnd blocker = ends.get(link.blockerKey());
            DependencyEnd blocked = ends.get(link.blockedKey());
            if (blocker == null || blocked == null) {
                unseen++;
            }
            else if (blocker.isOpen() && blocked.isOpen()) {
                open.add(new Dependency(named(blocker), named(blocked),
                        !blocker.projectKey().equals(blocked.projectKey()), conflicts(blocker, blocked)));
            }
        }
        open.sort(Comparator.comparing((Dependency d) -> d.blocker().key()).thenComparing(d -> d.blocked().key()));
        return new DependencyReport(open, unseen);
    }

    /**
     * The end as a viewer may see it: a parent that was not read (a project they cannot
     * browse) is not named.
     */
    private DependencyEnd named(DependencyEnd end) {
        if (end.parentKey().isEmpty() || parentSeen.test(end.parentKey().get())) {
            return end;
        }
        return new DependencyEnd(end.key(), end.projectKey(), end.status(), end.due(), Optional.empty(),
                end.themeIds());
    }

    private List<DependencyConflict> conflicts(DependencyEnd blocker, DependencyEnd blocked) {
        List<DependencyConflict> conflicts = new ArrayList<>();
        if (blocker.due().isEmpty()) {
            return conflicts;
        }
        LocalDate blockerDue = blocker.due().get();
        blocked.due()
            .filter(blockerDue::isAfter)
            .ifPresent(due -> conflicts.add(new DependencyConflict(ConflictKind.BLOCKER_DUE_AFTER_BLOCKED_DUE,
                    blockerDue, due, Optional.empty())));
        Set<String> themes = themesOf.apply(blocked.parentKey().orElse(ChildBucket.NO_PARENT), blocked.themeIds());
        for (String theme : themes) {
            LocalDate end = settings.themeEnds().get(theme);
            if (end != null && blockerDue.isAfter(end)) {
                conflicts.add(new DependencyConflict(ConflictKind.BLOCKER_DUE_AFTER_THEME_END, blockerDue, end,
                        Optional.of(theme)));
            }
        }
        return conflicts;
    }

}

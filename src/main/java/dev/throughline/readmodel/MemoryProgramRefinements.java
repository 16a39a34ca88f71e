package dev.throughline.readmodel;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ProgramRefinements} in memory: for tests and a service built without Spring. */
public final class MemoryProgramRefinements implements ProgramRefinements {

    private record Held(Refinement refinement, Set<Long> ids, EventMarks marks) {
    }

    private final Map<String, Held> held = new ConcurrentHashMap<>();

    private static String key(String siteKey, String programId) {
        return siteKey + "\n" + programId;
    }

    @Override
    public Optional<Refinement> refinement(String siteKey, String programId) {
        return Optional.ofNullable(held.get(key(siteKey, programId))).map(Held::refinement);
    }

    @Override
    public List<Refinement> refinements(String siteKey) {
        return held.entrySet()
            .stream()
            .filter(e -> e.getKey().startsWith(siteKey + "\n"))
            .map(e -> e.getValue().refinement())
            .toList();
    }

    @Override
    public Set<Long> ids(String siteKey, String programId) {
        return Optional.ofNullable(held.get(key(siteKey, programId))).map(h -> Set.copyOf(h.ids())).orElse(Set.of());
    }

    @Override
    public synchronized void replace(String siteKey, Refinement refinement, Collection<Long> ids) {
        held.put(key(siteKey, refinement.programId()),
                new Held(refinement, Set.copyOf(ids), marks(siteKey, refinement.programId())));
    }

    @Override
    public EventMarks marks(String siteKey, String programId) {
        return Optional.ofNullable(held.get(key(siteKey, programId))).map(Held::marks).orElse(EventMarks.NONE);
    }

    @Override
    public synchronized void decided(String siteKey, String programId, long issueId, boolean member, Instant at) {
        Held before = held.get(key(siteKey, programId));
        if (before == null) {
            return;
        }
        Set<Long> ids = new HashSet<>(before.ids());
        if (member) {
            ids.add(issueId);
        }
        else {
            ids.remove(issueId);
        }
        EventMarks marks = before.marks();
        held.put(key(siteKey, programId), new Held(before.refinement(), Set.copyOf(ids),
                new EventMarks(Optional.of(later(marks.decided(), at)), marks.undecided())));
    }

    @Override
    public synchronized void undecided(String siteKey, String programId, Instant at) {
        Held before = held.get(key(siteKey, programId));
        if (before != null) {
            EventMarks marks = before.marks();
            held.put(key(siteKey, programId), new Held(before.refinement(), before.ids(),
                    new EventMarks(marks.decided(), Optional.of(later(marks.undecided(), at)))));
        }
    }

    private static Instant later(Optional<Instant> mark, Instant at) {
        return mark.filter(m -> m.isAfter(at)).orElse(at);
    }

    @Override
    public synchronized void forget(String siteKey, String programId) {
        held.remove(key(siteKey, programId));
    }

    @Override
    public synchronized void update(String siteKey, String programId, Collection<Long> leave, Collection<Long> match,
            Instant syncedAt) {
        Held before = held.get(key(siteKey, programId));
        if (before == null) {
            return;
        }
        Set<Long> ids = new HashSet<>(before.ids());
        ids.removeAll(leave);
        ids.addAll(match);
        held.put(key(siteKey, programId), new Held(
                new Refinement(programId, before.refinement().projects(), before.refinement().refinement(), syncedAt),
                Set.copyOf(ids), before.marks()));
    }

}

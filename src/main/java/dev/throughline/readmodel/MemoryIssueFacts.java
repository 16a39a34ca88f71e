package dev.throughline.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The read model in this process's memory: for an app without a database (tests that
 * build services by hand) and as the reference the database store is tested against.
 */
public final class MemoryIssueFacts implements IssueFactsStore {

    private final Map<String, Map<Long, IssueFacts>> issues = new ConcurrentHashMap<>();

    private final Map<String, Map<String, ProjectSync>> syncs = new ConcurrentHashMap<>();

    private final Map<String, Map<Long, Dirty>> dirty = new ConcurrentHashMap<>();

    private final Map<String, Map<FoldRevisions.Part, Long>> revisions = new ConcurrentHashMap<>();

    private void bump(String siteKey, Collection<FoldRevisions.Part> parts) {
        Map<FoldRevisions.Part, Long> site = revisions.computeIfAbsent(siteKey, k -> new ConcurrentHashMap<>());
        parts.forEach(part -> site.merge(part, 1L, Long::sum));
    }

    @Override
    public Optional<FoldRevisions> revisions(String siteKey, Collection<String> projectKeys) {
        Map<FoldRevisions.Part, Long> found = new HashMap<>(revisions.getOrDefault(siteKey, Map.of()));
        found.keySet().removeIf(part -> part != FoldRevisions.Part.KEYS && !projectKeys.contains(part.projectKey()));
        return Optional.of(new FoldRevisions(found));
    }

    private Map<Long, IssueFacts> issues(String siteKey) {
        return issues.computeIfAbsent(siteKey, k -> new ConcurrentHashMap<>());
    }

    private Map<String, ProjectSync> syncs(String siteKey) {
        return syncs.computeIfAbsent(siteKey, k -> new ConcurrentHashMap<>());
    }

    @Override
    public List<String> projects(String siteKey) {
        return List.copyOf(syncs(siteKey).keySet());
    }

    @Override
    public Map<String, ProjectSync> syncs(String siteKey, Collection<String> projectKeys) {
        Map<String, ProjectSync> found = new HashMap<>();
        projectKeys.forEach(p -> Optional.ofNullable(syncs(siteKey).get(p)).ifPresent(s -> found.put(p, s)));
        return found;
    }

    @Override
    public void synced(String siteKey, Collection<String> projectKeys, Instant at, String pointsField) {
        projectKeys.forEach(p -> syncs(siteKey).put(p, new ProjectSync(p, at, pointsField, false)));
    }

    @Override
    public void markStale(String siteKey) {
        syncs(siteKey).replaceAll((p, s) -> new ProjectSync(p, s.syncedAt(), s.pointsField(), true));
    }

    @Override
    public synchronized void upsert(String siteKey, Collection<IssueFacts> facts) {
        Map<Long, FoldRevisions.Part> heldParts = new HashMap<>();
        Map<Long, String> heldKeys = new HashMap<>();
        facts.forEach(f -> Optional.ofNullable(issues(siteKey).get(f.id())).ifPresent(held -> {
            heldParts.put(held.id(), FoldRevisions.Part.of(held));
            heldKeys.put(held.id(), held.key());
        }));
        facts.forEach(f -> issues(siteKey).put(f.id(), f));
        bump(siteKey, FoldRevisions.touched(facts, heldParts, heldKeys));
    }

    @Override
    public Optional<IssueFacts> byId(String siteKey, long id) {
        return Optional.ofNullable(issues(siteKey).get(id));
    }

    @Override
    public synchronized void delete(String siteKey, Collection<Long> ids) {
        List<FoldRevisions.Part> parts = new ArrayList<>(List.of(FoldRevisions.Part.KEYS));
        ids.forEach(id -> Optional.ofNullable(issues(siteKey).remove(id))
            .ifPresent(held -> parts.add(FoldRevisions.Part.of(held))));
        bump(siteKey, parts);
    }

    @Override
    public void forEach(String siteKey, Collection<String> projectKeys, Consumer<IssueFacts> sink) {
        issues(siteKey).values().stream().filter(f -> projectKeys.contains(f.projectKey())).forEach(sink);
    }

    @Override
    public List<Long> ids(String siteKey, String projectKey) {
        List<Long> ids = new ArrayList<>();
        forEach(siteKey, List.of(projectKey), f -> ids.add(f.id()));
        return ids;
    }

    @Override
    public void markDirty(String siteKey, Dirty issue) {
        dirty.computeIfAbsent(siteKey, k -> new ConcurrentHashMap<>()).put(issue.id(), issue);
    }

    @Override
    public List<Dirty> dirty(String siteKey, Collection<String> projectKeys) {
        return dirty.getOrDefault(siteKey, Map.of())
            .values()
            .stream()
            .filter(d -> projectKeys.contains(d.projectKey()))
            .toList();
    }

    @Override
    public void clearDirty(String siteKey, Collection<Long> ids) {
        ids.forEach(dirty.getOrDefault(siteKey, new HashMap<>())::remove);
    }

    @Override
    public synchronized void forget(String siteKey, Collection<String> projectKeys) {
        issues(siteKey).values().removeIf(f -> projectKeys.contains(f.projectKey()));
        projectKeys.forEach(syncs(siteKey)::remove);
        List<FoldRevisions.Part> parts = new ArrayList<>(List.of(FoldRevisions.Part.KEYS));
        projectKeys.forEach(p -> parts.add(FoldRevisions.Part.project(p)));
        bump(siteKey, parts);
    }

}

package dev.throughline.theme.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.throughline.theme.ScopeItem;
import dev.throughline.theme.Theme;
import dev.throughline.theme.ThemeProgress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each theme's progress counted once per scope: a scope is the very map a kept fold
 * ({@link ThemeWork}, kept with its rows by {@link KeptScopeRows}) handed out, never
 * changed once folded, so while a view gets the same map back, its progress is the same
 * for the same theme record, projects the viewer may browse, project viewed and day (the
 * stale flag, which depends on the instant, is told again each view). The viewer's
 * permission answer is still asked each view and is part of the key: a viewer is never
 * handed what another, who may browse more, was counted. A fold after a change hands out
 * new maps for the themes it changed, so only those are counted again. Entries go with
 * their scope (held weakly) or past the bounds.
 */
final class KeptProgress {

    /** Scopes kept (themes of recent folds, every site). */
    private static final int MAX_SCOPES = 10_000;

    /** Per scope, at most this many viewers' sets of projects (and project views). */
    private static final int MAX_PER_SCOPE = 32;

    private record Key(Theme theme, Set<Long> visible, Optional<Long> onlyProject, LocalDate today) {
    }

    /** By the scope's identity (weak keys compare by identity). */
    private final Cache<Map<String, ScopeItem>, Map<Key, ThemeProgress.Counted>> byScope = Caffeine.newBuilder()
        .weakKeys()
        .maximumSize(MAX_SCOPES)
        .build();

    /** {@link ThemeProgress#of}, counted once per scope map and key. */
    ThemeProgress of(Theme theme, Map<String, ScopeItem> scope, Set<Long> visible, Optional<Long> onlyProject,
            LocalDate today, Instant now) {
        Map<Key, ThemeProgress.Counted> kept = byScope.get(scope, s -> new ConcurrentHashMap<>());
        Key key = new Key(theme, Set.copyOf(visible), onlyProject, today);
        ThemeProgress.Counted counted = kept.get(key);
        if (counted == null) {
            counted = ThemeProgress.counted(theme, scope.values(), visible, onlyProject, today, now);
            if (kept.size() >= MAX_PER_SCOPE) {
                kept.clear();
            }
            kept.put(key, counted);
        }
        return counted.at(now);
    }

}

package dev.throughline.settings.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.throughline.coordination.ChangeFeed;
import dev.throughline.coordination.KeyedLocks;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.jira.JiraField;
import dev.throughline.jira.Jql;
import dev.throughline.jira.StoryPointsDiscovery;
import dev.throughline.jira.StoryPointsOverride;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.problems.NotAllowedException;
import dev.throughline.scoring.ScoringModel;
import dev.throughline.scoring.ScoringSettings;
import dev.throughline.scoring.ScoringSetupReader;
import dev.throughline.settings.NumberField;
import dev.throughline.settings.SiteSettings;
import dev.throughline.settings.store.SiteSettingsJiraStore;
import dev.throughline.tenant.Caller;
import dev.throughline.tenant.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A site's settings: read by every feature that has a setting (cached per site for 30
 * seconds, so a backlog read or a rollup costs no extra Jira call), changed only by Jira
 * administrators. Saves of one site are serialised across app instances and carry the
 * version they read; a save refreshes this instance's cache at once, the other instances'
 * through the change feed ({@link #TOPIC}).
 */
@Service
public class SiteSettingsService implements StoryPointsOverride {

    public static final int MAX_PROJECT_PAGE = 100;

    /**
     * Change-feed topic of a site's saved settings (item ""): every cache that follows
     * them subscribes.
     */
    public static final String TOPIC = "settings";

    private static final Logger LOG = LoggerFactory.getLogger(SiteSettingsService.class);

    static final String ADMINS_ONLY = "Only Jira administrators can change Throughline's settings.";

    private final JiraClients jira;

    private final SiteSettingsJiraStore store;

    private final ScoringSetupReader scoring;

    private final ApplicationEventPublisher events;

    private final Cache<String, SiteSettings> cache = Caffeine.newBuilder()
        .expireAfterWrite(Duration.ofSeconds(30))
        .maximumSize(10_000)
        .build();

    private final KeyedLocks locks;

    private final ChangeFeed feed;

    public SiteSettingsService(JiraClients jira, SiteSettingsJiraStore store, ScoringSetupReader scoring,
            ApplicationEventPublisher events, KeyedLocks locks, ChangeFeed feed) {
        this.jira = jira;
        this.locks = locks;
        this.feed = feed;
        feed.subscribe(TOPIC, change -> cache.invalidate(change.siteKey()));
        this.store = store;
        this.scoring = scoring;
        this.events = events;
    }

    /** The site's settings as features use them (cached). */
    public SiteSettings settings(Site site) {
        return cache.get(site.clientKey(), key -> store.read(jira.forSite(site)));
    }

    public int staleDays(Site site) {
        return settings(site).staleDays();
    }

    /** Empty when the site keeps the app's configured default. */
    public Optional<Duration> rollupCacheTtl(Site site) {
        return settings(site).rollupCacheTtl();
    }

    @Override
    public Optional<String> fieldId(Site site) {
        return settings(site).storyPointsFieldId();
    }

    public boolean isAdministrator(Caller caller) {
        return jira.forSite(caller.site()).isAdministrator(caller.requireAccountId());
    }

    /** Read fresh from Jira (not the cache), so an admin edits the current version. */
    public SettingsView view(Caller caller) {
        JiraClient client = jira.forSite(caller.site());
        boolean admin = client.isAdministrator(caller.requireAccountId());
        SiteSettings settings = store.read(client);
        cache.put(caller.site().clientKey(), settings);
        if (!admin) {
            return new SettingsView(settings, false, Optional.empty());
        }
        List<JiraField> fields = client.fields();
        List<NumberField> numbers = numberFields(fields);
        boolean missing = settings.storyPointsFieldId()
            .filter(id -> numbers.stream().noneMatch(f -> f.id().equals(id)))
            .isPresent();
        return new SettingsView(settings, true, Optional
            .of(new SettingsView.StoryPointsChoice(StoryPointsDiscovery.fromFields(fields), numbers, missing)));
    }

    /**
     * Saves the settings an admin submitted (checked when they were parsed, before Jira
     * is asked anything); then the caller must be a Jira administrator, the story points
     * field a number field of the site, and the version the current one. Nothing is
     * written unless all hold.
     */
    public SiteSettings save(Caller caller, SiteSettings submitted) {
        JiraClient client = requireAdmin(caller);
        if (submitted.storyPointsFieldId().isPresent()) {
            submitted.requireStoryPointsFieldAmong(numberFields(client.fields()));
        }
        return locks.withLock(caller.site().clientKey(), TOPIC, () -> {
            SiteSettings current = store.read(client);
            SiteSettings saved = submitted.savedOver(current);
            store.save(client, saved);
            // a changed field or planner list changes every page's numbers and rights:
            // who
            // did it, where, and from what must be traceable in the server log
            LOG.info(
                    "Settings saved on site {} ({}) by account {}: version {}; story points field {} -> {}, "
                            + "stale days {} -> {}, rollup cache minutes {} -> {}, planners {} -> {}",
                    caller.site().clientKey(), caller.site().baseUrl(), caller.requireAccountId(), saved.version(),
                    current.storyPointsFieldId().orElse("(discovered)"),
                    saved.storyPointsFieldId().orElse("(discovered)"), current.staleDays(), saved.staleDays(),
                    current.rollupCacheTtlMinutes().orElse(null), saved.rollupCacheTtlMinutes().orElse(null),
                    current.planners(), saved.planners());
            cache.put(caller.site().clientKey(), saved);
            feed.publish(caller.site().clientKey(), TOPIC, "");
            events.publishEvent(new SiteSettingsChanged(caller.site()));
            return saved;
        });
    }

    /**
     * How many issues hold a value in a number field of the site (Jira's approximate
     * count): what the page warns with before an admin switches the story points field to
     * one that would leave most items without an estimate.
     */
    public long issuesWithValueIn(Caller caller, String fieldId) {
        JiraClient client = requireAdmin(caller);
        if (fieldId == null || numberFields(client.fields()).stream().noneMatch(f -> f.id().equals(fieldId))) {
            throw new InvalidInputException("fieldId", "Choose a number field of this site");
        }
        return client.approximateCount(Jql.fieldIsNotEmpty(fieldId));
    }

    /**
     * A page of the site's projects with their default scoring model (one property read
     * per project).
     */
    public ProjectPage projects(Caller caller, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PROJECT_PAGE) {
            throw new InvalidInputException("limit", "offset must be ≥ 0 and limit 1 to " + MAX_PROJECT_PAGE);
        }
        JiraClient client = requireAdmin(caller);
        List<ProjectDefault> page = client.projects(List.of())
            .skip(offset)
            .limit(limit + 1L)
            .map(p -> new ProjectDefault(p.key(), p.name(), Optional.empty()))
            .toList();
        boolean more = page.size() > limit;
        List<ProjectDefault> shown = page.subList(0, Math.min(limit, page.size()))
            .stream()
            .map(p -> new ProjectDefault(p.key(), p.name(), scoring.defaultModel(client, p.key())))
            .toList();
        return new ProjectPage(shown, offset, more);
    }

    public record ProjectPage(List<ProjectDefault> projects, int offset, boolean more) {
    }

    /**
     * The models a project may default to and the site's scorecards in full, for the
     * page's editors.
     */
    public ScoringSetup scoring(Caller caller) {
        JiraClient client = requireAdmin(caller);
        ScoringSettings settings = scoring.settings(caller.site(), client);
        return new ScoringSetup(settings.catalog().models(), settings);
    }

    public record ScoringSetup(List<ScoringModel> models, ScoringSettings settings) {
    }

    private JiraClient requireAdmin(Caller caller) {
        JiraClient client = jira.forSite(caller.site());
        if (!client.isAdministrator(caller.requireAccountId())) {
            throw new NotAllowedException(ADMINS_ONLY);
        }
        return client;
    }

    private static List<NumberField> numberFields(List<JiraField> fields) {
        return fields.stream()
            .filter(JiraField::isNumber)
            .map(f -> new NumberField(f.id(), f.name(), f.custom()))
            .sorted(Comparator.comparing(NumberField::name, String.CASE_INSENSITIVE_ORDER))
            .toList();
    }

}

package dev.throughline.scoring.service;

import dev.throughline.coordination.KeyedLocks;
import dev.throughline.problems.JiraKeys;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.JiraTaskFailedException;
import dev.throughline.jira.VisibleIssues;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.problems.NotAllowedException;
import dev.throughline.problems.NotFoundException;
import dev.throughline.problems.StaleVersionException;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.scoring.InputParser;
import dev.throughline.scoring.ModelCatalog;
import dev.throughline.scoring.Score;
import dev.throughline.scoring.ScoreInputs;
import dev.throughline.scoring.ScoringModel;
import dev.throughline.scoring.StoredValue;
import dev.throughline.scoring.ValueRecord;
import dev.throughline.scoring.ValueRecordCodec;
import dev.throughline.scoring.store.ScoringJiraStore;
import dev.throughline.tenant.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes issues' product-value scores for a caller, with Jira's own
 * permissions: a viewer must be able to browse the issue's project, a writer must be able
 * to edit the issue. Every write is all-or-nothing and version-checked.
 */
@Service
public class IssueValueService {

    /** Who is named in history when a changed scorecard re-computes a stored score. */
    static final String RECOMPUTED_BY = "throughline";

    public static final int MAX_BULK = 100;

    private static final List<String> ISSUE_FIELDS = List.of("project", "issuetype", "summary");

    private static final List<String> VALUE_PROPERTY = List.of(ValueRecordCodec.PROPERTY_KEY);

    private final JiraClients jira;

    private final ScoringJiraStore store;

    private final ScoringSettingsCache settings;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    /**
     * Serialises read-check-write of one issue's score across instances: Jira cannot
     * compare-and-set a property.
     */
    private final KeyedLocks locks;

    private final ProjectIssues projectIssues;

    public IssueValueService(JiraClients jira, ScoringJiraStore store, ScoringSettingsCache settings, Clock clock,
            ApplicationEventPublisher events, KeyedLocks locks, ProjectIssues projectIssues) {
        this.jira = jira;
        this.projectIssues = projectIssues;
        this.locks = locks;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    /**
     * The issue's value as the caller may see it; a sidebar label that disagrees with it
     * is re-written.
     */
    public IssueValueView read(Caller caller, String issueKey) {
        JiraKeys.requireIssueKey("issueKey", issueKey);
        JiraClient client = jira.forSite(caller.site());
        JiraIssue issue = visibleIssue(client, caller, issueKey,
                List.of(ValueRecordCodec.PROPERTY_KEY, store.glanceStatusKey()));
        ModelCatalog catalog = settings.catalog(caller.site(), client);
        StoredValue stored = decode(issue);
        Optional<ValueRecord> value = recomputeIfScorecardChanged(client, caller, issue, stored.record(), catalog);
        if (value.equals(stored.record())) {
            SidebarLabel.repairIfStale(store, client, issue, value, catalog);
        }
        return view(client, caller, issue, value, stored.problem(), catalog);
    }

    public IssueValueView write(Caller caller, ValueWrite write) {
        JiraKeys.requireIssueKey("issueKey", write.issueKey());
        JiraClient client = jira.forSite(caller.site());
        ModelCatalog catalog = settings.catalog(caller.site(), client);
        ScoringModel model = catalog.require(write.model());
        ScoreInputs inputs = InputParser.parse(model, write.inputs());
        String accountId = caller.requireAccountId();
        Saved saved = locks.withLock(caller.site().clientKey(), scoreLock(write.issueKey()), () -> {
            JiraIssue issue = visibleIssue(client, caller, write.issueKey(), VALUE_PROPERTY);
            if (!client.editableIssues(accountId, List.of(Long.valueOf(issue.id())))
                .contains(Long.valueOf(issue.id()))) {
                throw new NotAllowedException(
                        "You cannot edit " + issue.key() + " in Jira, so you cannot change its score.");
            }
            StoredValue current = decode(issue);
            if (!current.accepts(write.version())) {
                Optional<ValueRecord> same = current.record()
                    .filter(stored -> write.isSavedAs(stored, inputs, accountId));
                if (same.isPresent()) {
                    // the same save sent again (its answer was lost): it is done, not a
                    // conflict; its label may not be
                    return new Saved(issue, same.get(),
                            store.writeLabel(client, issue.key(), SidebarLabel.of(model, same.get())));
                }
                throw StaleVersionException.of("The score of " + issue.key(), write.version(),
                        current.record().map(ValueRecord::version).orElse(0L), current.record().orElse(null));
            }
            ValueRecord record = replacing(current, model, inputs, clock.instant(), accountId);
            return new Saved(issue, record,
                    store.writeValue(client, issue.key(), record, SidebarLabel.of(model, record)));
        });
        events.publishEvent(new ScoresWritten(caller.site(), List.of(write.issueKey())));
        // answered from what was just read and written: the writer may edit it (checked
        // above), and the record is the one stored, so the issue is not fetched again and
        // no index lag can show an older value
        IssueValueView view = view(client, caller, saved.issue(), true, Optional.of(saved.record()), Optional.empty(),
                catalog);
        return saved.labelWritten() ? view : view.withNote(SidebarLabel.PENDING_NOTE);
    }

    private record Saved(JiraIssue issue, ValueRecord record, boolean labelWritten) {
    }

    /** The score of inputs without saving anything: the panel's live preview. */
    public Score evaluate(Caller caller, String modelId, Map<String, ?> inputs) {
        ModelCatalog catalog = settings.catalog(caller.site(), jira.forSite(caller.site()));
        return catalog.require(modelId).evaluate(inputs);
    }

    public BulkValueResult writeAll(Caller caller, List<ValueWrite> writes) {
        if (writes.isEmpty() || writes.size() > MAX_BULK) {
            throw new InvalidInputException("items", "Send 1 to " + MAX_BULK + " items");
        }
        JiraClient client = jira.forSite(caller.site());
        ModelCatalog catalog = settings.catalog(caller.site(), client);
        Map<String, ScoreInputs> checked = BulkChecks.inputsOf(catalog, writes);
        String accountId = caller.requireAccountId();
        List<String> keys = writes.stream().map(ValueWrite::issueKey).toList();
        List<String> scoreLocks = keys.stream().map(IssueValueService::scoreLock).toList();
        return locks.withLock(caller.site().clientKey(), scoreLocks, () -> {
            Map<String, JiraIssue> issues = KeySearch.findAll(client, keys, ISSUE_FIELDS, VALUE_PROPERTY);
            Set<Long> editable = issues.isEmpty() ? Set.of() : client.editableIssues(accountId,
                    issues.values().stream().map(issue -> Long.valueOf(issue.id())).toList());
            Set<Long> browsable = issues.isEmpty() ? Set.of() : client.browsableProjects(accountId,
                    issues.values().stream().map(issue -> issue.fields().projectId().orElse(0L)).distinct().toList());
            List<BulkValueResult.Item> items = new ArrayList<>();
            List<ScoringJiraStore.BulkValue> values = new ArrayList<>();
            for (ValueWrite write : writes) {
                JiraIssue issue = issues.get(write.issueKey());
                items.add(BulkChecks.check(write, issue, editable, browsable));
                if (items.get(items.size() - 1).outcome() == BulkValueResult.Outcome.READY) {
                    ScoringModel model = catalog.require(write.model());
                    ValueRecord record = replacing(decode(issue), model, checked.get(write.issueKey()), clock.instant(),
                            accountId);
                    values.add(new ScoringJiraStore.BulkValue(Long.parseLong(issue.id()), record,
                            SidebarLabel.of(model, record)));
                }
            }
            Optional<BulkValueResult.Outcome> failure = BulkChecks.firstFailure(items);
            if (failure.isPresent()) {
                return new BulkValueResult(false, failure.get(), items);
            }
            try {
                store.writeValues(client, values);
            }
            catch (JiraTaskFailedException e) {
                // Jira accepted the task, so any part of it may be written: re-read to
                // say which
                return BulkValueResult.afterFailedTask(BulkOutcome.reread(client, writes, values), e.getMessage());
            }
            finally {
                // also after a failed bulk task, which may have written some of them
                events.publishEvent(new ScoresWritten(caller.site(), keys));
            }
            List<BulkValueResult.Item> written = new ArrayList<>();
            ProjectRanking.written(projectIssues, caller.site().clientKey(), values);
            for (int i = 0; i < values.size(); i++) {
                written.add(new BulkValueResult.Item(writes.get(i).issueKey(), BulkValueResult.Outcome.WRITTEN,
                        "written", Optional.of(values.get(i).record())));
            }
            return new BulkValueResult(true, BulkValueResult.Outcome.WRITTEN, written);
        });
    }

    /**
     * The issue, if it exists and the caller may browse its project; otherwise 404 (never
     * "it exists, but...").
     */
    private static JiraIssue visibleIssue(JiraClient client, Caller caller, String issueKey, List<String> properties) {
        return VisibleIssues.find(client, caller.requireAccountId(), issueKey, ISSUE_FIELDS, properties)
            .orElseThrow(() -> new NotFoundException("There is no issue " + issueKey + " that you can see."));
    }

    /**
     * A score made by an older version of a scorecard is re-computed with the current
     * definition when it is next read, and saved (the history keeps the old version's
     * entry). If its inputs no longer fit the new definition it stays as it was, flagged
     * as needing re-scoring.
     */
    private Optional<ValueRecord> recomputeIfScorecardChanged(JiraClient client, Caller caller, JiraIssue issue,
            Optional<ValueRecord> value, ModelCatalog catalog) {
        if (value.isEmpty()) {
            return value;
        }
        ValueRecord stored = value.get();
        Optional<ScoringModel> model = catalog.find(stored.model());
        if (model.isEmpty() || model.get().version() == stored.modelVersion()) {
            return value;
        }
        try {
            ScoreInputs inputs = InputParser.parse(model.get(), stored.inputs());
            return locks.withLock(caller.site().clientKey(), scoreLock(issue.key()), () -> {
                Optional<ValueRecord> fresh = client.issue(issue.key(), ISSUE_FIELDS, VALUE_PROPERTY)
                    .flatMap(read -> decode(read).record());
                if (fresh.map(ValueRecord::version).orElse(-1L) != stored.version()) {
                    return fresh; // someone saved meanwhile; their value wins
                }
                ValueRecord recomputed = ValueRecord.write(value, stored.version(), model.get(), inputs,
                        clock.instant(), RECOMPUTED_BY);
                store.writeValue(client, issue.key(), recomputed, SidebarLabel.of(model.get(), recomputed));
                events.publishEvent(new ScoresWritten(caller.site(), List.of(issue.key())));
                return Optional.of(recomputed);
            });
        }
        catch (InvalidInputException inputsNoLongerFit) {
            // shown as "needs re-scoring"; the old score stays until someone re-scores
            return value;
        }
    }

    private IssueValueView view(JiraClient client, Caller caller, JiraIssue issue, Optional<ValueRecord> value,
            Optional<String> unreadable, ModelCatalog catalog) {
        long issueId = Long.parseLong(issue.id());
        boolean editable = client.editableIssues(caller.requireAccountId(), List.of(issueId)).contains(issueId);
        return view(client, caller, issue, editable, value, unreadable, catalog);
    }

    private IssueValueView view(JiraClient client, Caller caller, JiraIssue issue, boolean editable,
            Optional<ValueRecord> value, Optional<String> unreadable, ModelCatalog catalog) {
        String projectKey = issue.fields().projectKey().orElse(issue.key().substring(0, issue.key().indexOf('-')));
        Optional<ScoringModel> model = value.flatMap(v -> catalog.find(v.model()));
        boolean needsRescore = value.isPresent()
                && (model.isEmpty() || model.get().version() != value.get().modelVersion());
        Optional<Score> evaluation = needsRescore ? Optional.empty()
                : value.flatMap(v -> model.map(m -> m.evaluate(new ScoreInputs(v.inputs()))));
        var ranked = value.map(v -> ProjectRanking.of(projectIssues, client, caller, projectKey, issue, v));
        return new IssueValueView(issue.key(), Long.parseLong(issue.id()), projectKey, editable, value,
                model.map(ScoringModel::name), evaluation, ranked.map(ProjectRanking::ranking),
                store.defaultModel(client, projectKey), needsRescore,
                unreadable.map(problem -> "The stored value of " + issue.key() + " could not be read (" + problem
                        + "; written by another tool or an older version), so it counts as not scored. Score it"
                        + " afresh: saving replaces the stored value."),
                ranked.map(ProjectRanking::unreadable).orElse(0), Optional.empty());
    }

    /**
     * The issue's stored value; one this app cannot read counts as unscored (never an
     * error).
     */
    static StoredValue decode(JiraIssue issue) {
        return issue.property(ValueRecordCodec.PROPERTY_KEY)
            .map(property -> property.isObject() ? ValueRecordCodec.read(property.asMap())
                    : StoredValue.unreadable("stored value is not a JSON object", 0))
            .orElse(StoredValue.NONE);
    }

    /**
     * A new record over whatever is stored: a readable record keeps its history, an
     * unreadable one is replaced.
     */
    private static ValueRecord replacing(StoredValue current, ScoringModel model, ScoreInputs inputs, Instant at,
            String by) {
        return ValueRecord.write(current.record(), current.record().map(ValueRecord::version).orElse(0L), model, inputs,
                at, by);
    }

    private static String scoreLock(String issueKey) {
        return "score:" + issueKey;
    }

}

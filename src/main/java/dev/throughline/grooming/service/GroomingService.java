package dev.throughline.grooming.service;

import dev.throughline.coordination.KeyedLocks;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.problems.JiraKeys;
import dev.throughline.grooming.ModelChange;
import dev.throughline.grooming.OrderProposal;
import dev.throughline.grooming.ProposalOptions;
import dev.throughline.grooming.ProposedOrder;
import dev.throughline.grooming.RankPlan;
import dev.throughline.grooming.store.UndoJiraStore;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.jira.JiraIssue;
import dev.throughline.problems.FieldError;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.problems.NotFoundException;
import dev.throughline.scoring.ScoringSetupReader;
import dev.throughline.scoring.service.BulkValueResult;
import dev.throughline.scoring.service.IssueValueService;
import dev.throughline.scoring.service.ValueWrite;
import dev.throughline.settings.service.SiteSettingsService;
import dev.throughline.tenant.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Backlog grooming for a caller: reads a board's backlog with flags, proposes a value
 * order, applies an order with the fewest rank calls and undoes the last apply. Reading
 * needs Jira's Browse projects on the backlog's projects; ranking needs Schedule issues
 * on each of them. Applies and undos of one board (and its undo points) are serialised
 * across app instances.
 */
@Service
public class GroomingService {

    public static final int MAX_PAGE = 500;

    private static final Logger LOG = LoggerFactory.getLogger(GroomingService.class);

    private final JiraClients jira;

    private final UndoJiraStore undo;

    private final BacklogCache cache;

    private final IssueValueService values;

    private final SiteSettingsService settings;

    private final Clock clock;

    private final KeyedLocks locks;

    private final ScoringSetupReader scoring;

    private final ProjectIssues projectIssues;

    GroomingService(JiraClients jira, UndoJiraStore undo, BacklogCache cache, IssueValueService values,
            SiteSettingsService settings, Clock clock, KeyedLocks locks, ScoringSetupReader scoring,
            ProjectIssues projectIssues) {
        this.jira = jira;
        this.projectIssues = projectIssues;
        this.scoring = scoring;
        this.locks = locks;
        this.undo = undo;
        this.cache = cache;
        this.values = values;
        this.settings = settings;
        this.clock = clock;
    }

    /** The project's boards the caller may browse, and how many others it has. */
    public BoardChoice boards(Caller caller, String projectKey) {
        JiraKeys.requireProjectKey("projectKey", projectKey);
        return BoardChoice.of(jira.forSite(caller.site()), caller.requireAccountId(), projectKey);
    }

    /**
     * The stale threshold a backlog read uses: the one asked for, else the site's setting
     * (default 90 days).
     */
    public int staleDays(Caller caller, Optional<Integer> requested) {
        return requested.orElseGet(() -> settings.staleDays(caller.site()));
    }

    /**
     * The board's backlog with flags. The snapshot is read as the app and shared for a
     * short time by everyone on the site ({@link BacklogCache}); {@code refresh} reads
     * Jira again. Whether the caller may see it is checked on every call, cached snapshot
     * or not: all of its projects must be browsable by the caller, else 404.
     */
    public BacklogSnapshot backlog(Caller caller, long boardId, int staleDays, boolean refresh) {
        if (staleDays < 1 || staleDays > 3650) {
            throw new InvalidInputException("staleDays", "Stale days must be 1 to 3650");
        }
        JiraClient client = jira.forSite(caller.site());
        String accountId = caller.requireAccountId();
        ApplyChecks.requireBoard(boardId);
        BacklogSnapshot snapshot;
        String siteKey = caller.site().clientKey();
        Supplier<BacklogSnapshot> read = () -> BacklogReader.read(client, boardId, clock.instant(), staleDays,
                projects -> projectIssues.of(client, siteKey, projects));
        if (refresh) {
            snapshot = read.get();
            cache.put(caller.site(), boardId, staleDays, snapshot);
        }
        else {
            snapshot = cache.get(caller.site(), boardId, staleDays, read);
        }
        return visibleTo(client, accountId, boardId, snapshot);
    }

    private static BacklogSnapshot visibleTo(JiraClient client, String accountId, long boardId,
            BacklogSnapshot snapshot) {
        Set<Long> projects = new HashSet<>();
        snapshot.rows().forEach(r -> r.projectId().ifPresent(projects::add));
        if (!projects.isEmpty() && !client.browsableProjects(accountId, projects).containsAll(projects)) {
            throw new NotFoundException("Board " + boardId + " has issues in projects you cannot browse in Jira.");
        }
        return BacklogNames.seenBy(client, accountId, snapshot);
    }

    public Proposal propose(Caller caller, long boardId, List<String> pinned, ProposalOptions options) {
        // read fresh: the proposal's current order is what apply will insist on (409
        // otherwise)
        BacklogSnapshot snapshot = backlog(caller, boardId, staleDays(caller, Optional.empty()), true);
        Set<String> pins = new HashSet<>(pinned);
        Set<String> onBacklog = new HashSet<>(snapshot.keys());
        List<FieldError> errors = new ArrayList<>();
        pinned.stream()
            .filter(k -> !onBacklog.contains(k))
            .forEach(k -> errors.add(new FieldError("pinned", k + " is not on this backlog")));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // scores of different models never compare: the home project's default model
        // leads, the others follow in blocks (OrderProposal)
        Optional<String> leading = ProposalInputs.homeProject(snapshot)
            .flatMap(project -> scoring.defaultModel(jira.forSite(caller.site()), project));
        ProposedOrder proposed = OrderProposal.propose(ProposalInputs.items(snapshot, pins),
                options.leadingWith(leading));
        RankPlan plan = RankPlan.between(snapshot.keys(), proposed.order());
        return new Proposal(snapshot, proposed, plan, leading);
    }

    /** A proposal, with the model whose issues lead it (the home project's default). */
    public record Proposal(BacklogSnapshot current, ProposedOrder proposed, RankPlan plan,
            Optional<String> leadingModel) {

        public Proposal(BacklogSnapshot current, ProposedOrder proposed, RankPlan plan) {
            this(current, proposed, plan, Optional.empty());
        }
    }

    /**
     * Switches the selected backlog issues to one model through the scoring API's bulk
     * write, so its rules hold unchanged: inputs validated per issue (400 naming
     * {@code items[i].inputs.x}), only issues the caller may edit (403), each issue's
     * version checked (409) - and all issues written or none. Every issue must be on the
     * board's backlog (400 otherwise; a key missing from a cached snapshot is looked up
     * in a fresh read).
     */
    public BulkValueResult setModel(Caller caller, long boardId, ModelChange change) {
        // the site's stale threshold, as the page uses: the page's cached read answers,
        // no second read of Jira
        int staleDays = staleDays(caller, Optional.empty());
        BacklogSnapshot snapshot = backlog(caller, boardId, staleDays, false);
        if (!new HashSet<>(snapshot.keys()).containsAll(change.issueKeys())) {
            snapshot = backlog(caller, boardId, staleDays, true);
        }
        Set<String> onBacklog = new HashSet<>(snapshot.keys());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < change.items().size(); i++) {
            String key = change.items().get(i).issueKey();
            if (!onBacklog.contains(key)) {
                errors.add(new FieldError("items[" + i + "].issueKey",
                        key + " is not on board " + boardId + "'s backlog"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<ValueWrite> writes = change.items()
            .stream()
            .map(item -> new ValueWrite(item.issueKey(), change.model(), change.inputsOf(item), item.version()))
            .toList();
        try {
            return values.writeAll(caller, writes);
        }
        finally {
            cache.invalidateBoard(caller.site(), boardId);
        }
    }

    /**
     * Puts the backlog in {@code order}. The backlog must still be in
     * {@code expectedCurrent} - or, when this user's previous apply to the same order was
     * interrupted, where that apply left it - else nothing moves (409).
     */
    public ApplyResult apply(Caller caller, long boardId, List<String> order, List<String> expectedCurrent) {
        ApplyChecks.requireBoard(boardId);
        ApplyChecks.checkSameIssues(order, expectedCurrent);
        JiraClient client = jira.forSite(caller.site());
        String accountId = caller.requireAccountId();
        return locked(caller, boardId, () -> {
            List<JiraIssue> issues = BacklogReader.order(client, boardId);
            List<String> current = issues.stream().map(JiraIssue::key).toList();
            ApplyChecks.requireRankPermission(client, accountId, issues);
            Optional<UndoJiraStore.Saved> saved = undo.read(client, boardId, accountId);
            List<String> undoPoint;
            boolean resumed;
            if (current.equals(expectedCurrent)) {
                undoPoint = current;
                resumed = false;
            }
            else if (saved.flatMap(UndoJiraStore.Saved::pending)
                .filter(journal -> journal.target().equals(order) && journal.couldHaveLeft(current))
                .isPresent()) {
                undoPoint = saved.get().undo();
                resumed = true;
            }
            else {
                throw new BacklogChangedException(current);
            }
            return run(client, boardId, accountId, current, order, undoPoint, resumed, true);
        });
    }

    /**
     * Restores the order saved by this user's last apply on the board; issues new to the
     * backlog keep their places.
     */
    public ApplyResult undo(Caller caller, long boardId) {
        ApplyChecks.requireBoard(boardId);
        JiraClient client = jira.forSite(caller.site());
        String accountId = caller.requireAccountId();
        return locked(caller, boardId, () -> {
            UndoJiraStore.Saved saved = undo.read(client, boardId, accountId)
                .orElseThrow(() -> new NotFoundException("Nothing to undo on board " + boardId + "."));
            List<JiraIssue> issues = BacklogReader.order(client, boardId);
            List<String> current = issues.stream().map(JiraIssue::key).toList();
            ApplyChecks.requireRankPermission(client, accountId, issues);
            List<String> target = restore(current, saved.undo());
            return run(client, boardId, accountId, current, target, saved.undo(), false, false);
        });
    }

    /**
     * The saved order laid over the current backlog: the slots of issues that were saved
     * take those issues in the saved order; issues that were not on the backlog then keep
     * their slots; issues gone since are skipped.
     */
    static List<String> restore(List<String> current, List<String> saved) {
        Set<String> now = new HashSet<>(current);
        Set<String> then = new HashSet<>(saved);
        var savedStillThere = saved.stream().filter(now::contains).iterator();
        List<String> target = new ArrayList<>(current.size());
        for (String key : current) {
            target.add(then.contains(key) ? savedStillThere.next() : key);
        }
        return target;
    }

    private ApplyResult run(JiraClient client, long boardId, String accountId, List<String> current,
            List<String> target, List<String> undoPoint, boolean resumed, boolean keepUndo) {
        return new JournaledRun(undo, client, boardId, accountId, clock.instant()).toTarget(current, target, undoPoint,
                resumed, keepUndo);
    }

    /**
     * Runs an apply or undo alone on the board; afterwards (whatever happened) the
     * board's snapshots are dropped.
     */
    private <T> T locked(Caller caller, long boardId, Supplier<T> action) {
        // apply and undo rewrite the board's rank order: who did it must be traceable in
        // the log
        LOG.info("Rank order of board {} rewritten (apply or undo) on site {} by account {}", boardId,
                caller.site().clientKey(), caller.requireAccountId());
        return locks.withLock(caller.site().clientKey(), "board:" + boardId, () -> {
            try {
                return action.get();
            }
            finally {
                cache.invalidateBoard(caller.site(), boardId);
            }
        });
    }

}

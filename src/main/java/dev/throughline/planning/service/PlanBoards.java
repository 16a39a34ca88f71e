package dev.throughline.planning.service;

import dev.throughline.jira.BoardConfiguration;
import dev.throughline.jira.JiraBadRequestException;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.Jql;
import dev.throughline.jira.SearchRequest;
import dev.throughline.planning.BoardTeams;
import dev.throughline.planning.MeasuredThroughput;
import dev.throughline.planning.PlanTeam;
import dev.throughline.planning.ProgramInputs;
import dev.throughline.planning.TeamThroughput;
import dev.throughline.problems.InvalidInputException;
import dev.throughline.program.ProgramDefinition;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.ProgramRefinements;
import dev.throughline.readmodel.ProgramRefinements.Refinement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * The boards a plan names as teams, as Jira shows them: which of the program's projects
 * Jira lists each under (one board list read per project), and which of those projects'
 * issues its filter shows. The filter's issues are read with one id-only search per board
 * over all of the program's projects ({@code project in (…) AND filter = N}, as the app,
 * which sees every project) and kept like a refined program's ids
 * ({@link ProgramRefinements}, under {@code board:N}): read again when the board's filter
 * or the program's projects change, when the ids are older than {@link #MAX_AGE}, and by
 * the read model's reconciliation when Jira's count of that JQL differs from the ids
 * held. The caller's visibility is applied after: a board team's issues are the caller's
 * facts (projects they may browse) of the board's projects among those ids, so callers
 * with different access share one read.
 */
final class PlanBoards {

    /** How long a board's issues are kept before a solve reads them again. */
    static final Duration MAX_AGE = Duration.ofMinutes(15);

    private final ProgramRefinements kept;

    private final Clock clock;

    PlanBoards(ProgramRefinements kept, Clock clock) {
        this.kept = kept;
        this.clock = clock;
    }

    /**
     * The boards asked for, as {@link #showing} finds them; {@code strict}: a board the
     * caller cannot find is a 400 on {@code boards}, else it is left out.
     */
    List<BoardTeams.BoardTeam> named(JiraClient client, ProgramInputs inputs, List<Long> boards, boolean strict) {
        Map<Long, BoardTeams.BoardTeam> shown = showing(client, inputs, boards::contains);
        List<BoardTeams.BoardTeam> found = new ArrayList<>();
        for (Long board : new LinkedHashSet<>(boards)) {
            if (!shown.containsKey(board) && !strict) {
                continue;
            }
            if (!shown.containsKey(board)) {
                throw new InvalidInputException("boards",
                        "board " + board + " does not exist or shows none of this program's projects you may browse");
            }
            found.add(shown.get(board));
        }
        return found;
    }

    /**
     * The boards {@code wanted} with the program's projects Jira lists each under: one
     * board list read per program project the caller may browse.
     */
    static Map<Long, BoardTeams.BoardTeam> showing(JiraClient client, ProgramInputs inputs, LongPredicate wanted) {
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, List<String>> projects = new LinkedHashMap<>();
        for (PlanTeam team : inputs.teams()) {
            client.boards(Optional.of(team.id())).filter(b -> wanted.test(b.id())).forEach(b -> {
                names.put(b.id(), b.name());
                projects.computeIfAbsent(b.id(), k -> new ArrayList<>()).add(team.id());
            });
        }
        Map<Long, BoardTeams.BoardTeam> shown = new LinkedHashMap<>();
        names.forEach((id, name) -> shown.put(id, new BoardTeams.BoardTeam(id, name, projects.get(id))));
        return shown;
    }

    /**
     * Each board showing only the issues of {@code facts} (the program's, as the caller
     * reads them) its filter shows; a board whose configuration names no filter is taken
     * whole. A filter Jira refuses to search (deleted, or not shared with the app) is a
     * 400 on {@code boards}.
     */
    List<BoardTeams.BoardTeam> withMembers(JiraClient client, String siteKey, List<String> programProjects,
            List<BoardTeams.BoardTeam> boards, Collection<IssueFacts> facts) {
        List<BoardTeams.BoardTeam> shown = new ArrayList<>();
        for (BoardTeams.BoardTeam board : boards) {
            BoardConfiguration configuration = client.boardConfiguration(board.boardId());
            if (configuration.filterId().isEmpty()) {
                shown.add(board);
                continue;
            }
            Set<Long> ids = ids(client, siteKey, programProjects, board, configuration.filterId().get());
            Set<String> keys = new LinkedHashSet<>();
            facts.stream()
                .filter(f -> ids.contains(f.id()) && board.projects().contains(f.projectKey()))
                .forEach(f -> keys.add(f.key()));
            shown.add(board.showing(keys));
        }
        return shown;
    }

    /**
     * The weekly throughput of each board team from the issues its filter shows, and of
     * each project's rest (the issues no board shows).
     */
    static Map<String, TeamThroughput> throughput(ProgramDefinition program, List<BoardTeams.BoardTeam> boards,
            ProgramInputs projects, List<IssueFacts> facts, LocalDate today) {
        Map<String, String> teamOf = new HashMap<>();
        List<String> ids = new ArrayList<>(projects.teams().stream().map(PlanTeam::id).toList());
        for (BoardTeams.BoardTeam board : boards) {
            ids.add(board.teamId());
            board.members().ifPresent(keys -> keys.forEach(key -> teamOf.putIfAbsent(key, board.teamId())));
        }
        return MeasuredThroughput.of(facts, f -> teamOf.getOrDefault(f.key(), f.projectKey()), ids,
                program.progressBasis(), program.includeSubtasks(), program.throughputWeeks(), today);
    }

    /**
     * The ids of the program's issues the board's filter shows, whoever asks: a program's
     * projects (not the caller's) bound the search, so they are kept once per board and
     * filter; two programs naming one board with different projects take turns.
     */
    private Set<Long> ids(JiraClient client, String siteKey, List<String> programProjects, BoardTeams.BoardTeam board,
            long filterId) {
        String key = "board:" + board.boardId();
        String filter = Jql.filterIs(filterId).text();
        Instant now = clock.instant();
        boolean fresh = kept.refinement(siteKey, key)
            .filter(r -> r.sameAs(programProjects, filter) && r.syncedAt().isAfter(now.minus(MAX_AGE)))
            .isPresent();
        if (fresh) {
            return kept.ids(siteKey, key);
        }
        Refinement read = new Refinement(key, programProjects, filter, now);
        Set<Long> ids = new HashSet<>();
        try {
            client.search(new SearchRequest(read.programJql(), List.of(), List.of(), 100))
                .map(JiraIssue::id)
                .forEach(id -> ids.add(Long.valueOf(id)));
        }
        catch (JiraBadRequestException refused) {
            throw new InvalidInputException("boards", "board " + board.boardId() + " (" + board.name()
                    + "): Jira cannot search its filter " + filterId + " (" + refused.getMessage() + ")");
        }
        kept.replace(siteKey, read, ids);
        return ids;
    }

}

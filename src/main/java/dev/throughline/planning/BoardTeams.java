package dev.throughline.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Board teams: a Jira board named in a plan's inputs is one team doing the work of its
 * projects, those of the program's projects (the caller may browse) that Jira lists the
 * board under. When the board's filter is known ({@link BoardTeam#members}), the board's
 * work is only what its filter shows: those candidates (and epics apart) are its, its
 * throughput is measured from those issues alone, and the rest of a project stays the
 * project's own team (kept while some of its work is left). Without members, the board
 * takes its projects whole: their weekly throughput summed is its throughput. Capacity
 * per quarter is 13 of its mean weeks. An issue is one team's only, so two boards showing
 * the same issue (or the same project, for a board taken whole) are refused; a board
 * showing none of the program's projects is refused too.
 */
public final class BoardTeams {

    /** The prefix of a board team's id: {@code board-12}. */
    public static final String PREFIX = "board-";

    private BoardTeams() {
    }

    /**
     * A board and the program's projects it shows, in the order Jira listed them;
     * {@code members}: the keys of those projects' issues its filter shows, or empty when
     * the board takes its projects whole.
     */
    public record BoardTeam(long boardId, String name, List<String> projects, Optional<Set<String>> members) {

        public BoardTeam {
            if (boardId <= 0) {
                throw new IllegalArgumentException("board id must be > 0");
            }
            Objects.requireNonNull(name, "name");
            projects = List.copyOf(projects);
            members = members.map(Set::copyOf);
        }

        /** A board taking its projects whole. */
        public BoardTeam(long boardId, String name, List<String> projects) {
            this(boardId, name, projects, Optional.empty());
        }

        /** The same board showing only {@code keys}. */
        public BoardTeam showing(Set<String> keys) {
            return new BoardTeam(boardId, name, projects, Optional.of(keys));
        }

        public String teamId() {
            return PREFIX + boardId;
        }

    }

    /** Boards taken whole: their projects' throughput is summed week by week. */
    public static ProgramInputs apply(ProgramInputs inputs, List<BoardTeam> boards) {
        return apply(inputs, boards, Map.of());
    }

    /**
     * {@code inputs} with each board's work moved to the board team
     * (IllegalArgumentException naming the board when a rule is broken).
     * {@code measured}: the weekly throughput of each board team with members and of each
     * project's rest (what no board shows), measured from those issues; a board with
     * members but no measure sums its projects' (the program's share, when the issues
     * cannot be read).
     */
    public static ProgramInputs apply(ProgramInputs inputs, List<BoardTeam> boards,
            Map<String, TeamThroughput> measured) {
        if (boards.isEmpty()) {
            return inputs;
        }
        Owners owners = Owners.of(inputs, boards);
        List<Candidate> candidates = inputs.candidates()
            .stream()
            .map(c -> new Candidate(c.key(), c.summary(), owners.team(c.key(), c.teamId()), c.value(), c.effort(),
                    c.blockers(), c.outsideBlockers(), c.commitBy(), c.excluded()))
            .toList();
        List<ProgramInputs.Unscored> unscored = inputs.unscored()
            .stream()
            .map(u -> new ProgramInputs.Unscored(u.key(), u.summary(), owners.team(u.key(), u.team()), u.effort()))
            .toList();
        List<ProgramInputs.Apart> apart = inputs.apart()
            .stream()
            .map(a -> new ProgramInputs.Apart(a.key(), a.summary(), owners.team(a.key(), a.team()), a.effort(),
                    a.reason()))
            .toList();
        Set<String> working = new LinkedHashSet<>();
        candidates.forEach(c -> working.add(c.teamId()));
        unscored.forEach(u -> working.add(u.team()));
        apart.forEach(a -> working.add(a.team()));
        Map<String, TeamThroughput> throughput = new LinkedHashMap<>();
        List<PlanTeam> teams = new ArrayList<>();
        for (PlanTeam team : inputs.teams()) {
            List<BoardTeam> shown = owners.boardsOf(team.id());
            boolean partly = !shown.isEmpty() && shown.stream().allMatch(b -> b.members().isPresent());
            if (shown.isEmpty()) {
                throughput.put(team.id(), inputs.throughput().get(team.id()));
                teams.add(team);
            }
            else if (partly && working.contains(team.id())) {
                // boards show part of it and some of its work is left: the rest is its
                // own
                TeamThroughput rest = measured.getOrDefault(team.id(), inputs.throughput().get(team.id()));
                throughput.put(team.id(), rest);
                teams.add(ProgramInputs.teamOf(rest, team.name(), inputs.periods()));
            }
            for (BoardTeam board : shown) {
                if (throughput.containsKey(board.teamId())) {
                    continue;
                }
                TeamThroughput history = board.members().isPresent() && measured.containsKey(board.teamId())
                        ? measured.get(board.teamId()) : summed(board, owners, inputs.throughput());
                throughput.put(board.teamId(), history);
                teams.add(ProgramInputs.teamOf(history, board.name(), inputs.periods()));
            }
        }
        return new ProgramInputs(inputs.unit(), inputs.periods(), teams, candidates, throughput, unscored,
                inputs.model(), apart, inputs.converted(), inputs.candidateKind(), inputs.notice());
    }

    /** The weekly throughput of the board's projects, added week by week. */
    private static TeamThroughput summed(BoardTeam board, Owners owners, Map<String, TeamThroughput> throughput) {
        double[] weeks = null;
        for (String project : owners.projectsOf(board)) {
            double[] own = throughput.get(project).weeks();
            if (weeks == null) {
                weeks = own.clone();
                continue;
            }
            for (int w = 0; w < weeks.length; w++) {
                weeks[w] = Math.round((weeks[w] + own[w]) * 100) / 100.0;
            }
        }
        return new TeamThroughput(board.teamId(), weeks);
    }

    /** Which board owns a project's work, whole or issue by issue. */
    private record Owners(Map<String, List<BoardTeam>> byProject, Map<String, BoardTeam> byKey) {

        static Owners of(ProgramInputs inputs, List<BoardTeam> boards) {
            Map<String, List<BoardTeam>> byProject = new LinkedHashMap<>();
            Map<String, BoardTeam> byKey = new LinkedHashMap<>();
            List<String> teamIds = inputs.teams().stream().map(PlanTeam::id).toList();
            for (BoardTeam board : boards) {
                List<String> own = board.projects().stream().filter(teamIds::contains).toList();
                if (own.isEmpty()) {
                    throw new IllegalArgumentException("board " + board.boardId() + " (" + board.name()
                            + ") shows none of this program's projects you may browse");
                }
                for (String project : own) {
                    List<BoardTeam> others = byProject.computeIfAbsent(project, k -> new ArrayList<>());
                    if (others.contains(board)) {
                        continue;
                    }
                    for (BoardTeam other : others) {
                        if (other.members().isEmpty() || board.members().isEmpty()) {
                            throw new IllegalArgumentException("boards " + other.boardId() + " and " + board.boardId()
                                    + " both show project " + project + ": a project's work is one team's only");
                        }
                    }
                    others.add(board);
                }
                for (String key : board.members().orElse(Set.of())) {
                    BoardTeam other = byKey.putIfAbsent(key, board);
                    if (other != null && other.boardId() != board.boardId()) {
                        throw new IllegalArgumentException("boards " + other.boardId() + " and " + board.boardId()
                                + " both show " + key + ": an issue's work is one team's only");
                    }
                }
            }
            return new Owners(byProject, byKey);
        }

        /** The team of the work {@code key} that was {@code project}'s. */
        String team(String key, String project) {
            BoardTeam byIssue = byKey.get(key);
            if (byIssue != null) {
                return byIssue.teamId();
            }
            return boardsOf(project).stream()
                .filter(b -> b.members().isEmpty())
                .findFirst()
                .map(BoardTeam::teamId)
                .orElse(project);
        }

        List<BoardTeam> boardsOf(String project) {
            return byProject.getOrDefault(project, List.of());
        }

        List<String> projectsOf(BoardTeam board) {
            return byProject.entrySet()
                .stream()
                .filter(e -> e.getValue().contains(board))
                .map(Map.Entry::getKey)
                .toList();
        }

    }

}

package dev.throughline.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Board teams: a Jira board named in a plan's inputs is one team doing the work of its
 * projects, those of the program's projects (the caller may browse) that Jira lists the
 * board under. The board team takes the place of those project teams: their candidates
 * (and epics apart) are its work, their weekly throughput summed is its throughput, and
 * its capacity per quarter is 13 of its mean weeks. A project is one team's only, so two
 * boards naming the same project are refused; a board naming none of the program's
 * projects is refused too.
 */
public final class BoardTeams {

    /** The prefix of a board team's id: {@code board-12}. */
    public static final String PREFIX = "board-";

    private BoardTeams() {
    }

    /** A board and the program's projects it shows, in the order Jira listed them. */
    public record BoardTeam(long boardId, String name, List<String> projects) {

        public BoardTeam {
            if (boardId <= 0) {
                throw new IllegalArgumentException("board id must be > 0");
            }
            Objects.requireNonNull(name, "name");
            projects = List.copyOf(projects);
        }

        public String teamId() {
            return PREFIX + boardId;
        }

    }

    /**
     * {@code inputs} with each board's projects replaced by the board team
     * (IllegalArgumentException naming the board when a rule is broken).
     */
    public static ProgramInputs apply(ProgramInputs inputs, List<BoardTeam> boards) {
        if (boards.isEmpty()) {
            return inputs;
        }
        Map<String, BoardTeam> byProject = new LinkedHashMap<>();
        List<String> teamIds = inputs.teams().stream().map(PlanTeam::id).toList();
        for (BoardTeam board : boards) {
            List<String> own = board.projects().stream().filter(teamIds::contains).toList();
            if (own.isEmpty()) {
                throw new IllegalArgumentException("board " + board.boardId() + " (" + board.name()
                        + ") shows none of this program's projects you may browse");
            }
            for (String project : own) {
                BoardTeam other = byProject.putIfAbsent(project, board);
                if (other != null && other.boardId() != board.boardId()) {
                    throw new IllegalArgumentException("boards " + other.boardId() + " and " + board.boardId()
                            + " both show project " + project + ": a project's work is one team's only");
                }
            }
        }
        Map<String, TeamThroughput> throughput = new LinkedHashMap<>();
        List<PlanTeam> teams = new ArrayList<>();
        for (PlanTeam team : inputs.teams()) {
            BoardTeam board = byProject.get(team.id());
            if (board == null) {
                teams.add(team);
                throughput.put(team.id(), inputs.throughput().get(team.id()));
            }
            else if (!throughput.containsKey(board.teamId())) {
                TeamThroughput summed = summed(board, byProject, inputs.throughput());
                throughput.put(board.teamId(), summed);
                teams.add(ProgramInputs.teamOf(summed, board.name(), inputs.periods()));
            }
        }
        List<Candidate> candidates = inputs.candidates()
            .stream()
            .map(c -> new Candidate(c.key(), c.summary(), team(c.teamId(), byProject), c.value(), c.effort(),
                    c.blockers(), c.outsideBlockers(), c.commitBy(), c.excluded()))
            .toList();
        List<ProgramInputs.Unscored> unscored = inputs.unscored()
            .stream()
            .map(u -> new ProgramInputs.Unscored(u.key(), u.summary(), team(u.team(), byProject), u.effort()))
            .toList();
        List<ProgramInputs.Apart> apart = inputs.apart()
            .stream()
            .map(a -> new ProgramInputs.Apart(a.key(), a.summary(), team(a.team(), byProject), a.effort(), a.reason()))
            .toList();
        return new ProgramInputs(inputs.unit(), inputs.periods(), teams, candidates, throughput, unscored,
                inputs.model(), apart, inputs.converted(), inputs.candidateKind(), inputs.notice());
    }

    private static String team(String project, Map<String, BoardTeam> byProject) {
        BoardTeam board = byProject.get(project);
        return board == null ? project : board.teamId();
    }

    /** The weekly throughput of the board's projects, added week by week. */
    private static TeamThroughput summed(BoardTeam board, Map<String, BoardTeam> byProject,
            Map<String, TeamThroughput> throughput) {
        double[] weeks = null;
        for (Map.Entry<String, BoardTeam> entry : byProject.entrySet()) {
            if (entry.getValue() != board) {
                continue;
            }
            double[] project = throughput.get(entry.getKey()).weeks();
            if (weeks == null) {
                weeks = project.clone();
                continue;
            }
            for (int w = 0; w < weeks.length; w++) {
                weeks[w] = Math.round((weeks[w] + project[w]) * 100) / 100.0;
            }
        }
        return new TeamThroughput(board.teamId(), weeks);
    }

}

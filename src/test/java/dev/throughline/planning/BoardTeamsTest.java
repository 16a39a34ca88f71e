package dev.throughline.planning;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Board teams (README, Program planning: teams; hand-computed numbers). */
class BoardTeamsTest {

    private static final List<String> PERIODS = List.of("2027-Q1", "2027-Q2");

    private static PlanTeam team(String id, TeamThroughput history) {
        return ProgramInputs.teamOf(history, id, PERIODS);
    }

    private static ProgramInputs inputs() {
        TeamThroughput a = new TeamThroughput("A", new double[] { 1, 2, 0, 1 });
        TeamThroughput b = new TeamThroughput("B", new double[] { 0.5, 0, 3, 1 });
        TeamThroughput c = new TeamThroughput("C", new double[] { 1, 1, 1, 1 });
        List<Candidate> candidates = List.of(Candidate.of("A-1", "A", 10, 3),
                new Candidate("B-1", "Bee", "B", 20, 5, List.of("A-1"), List.of("X-9"), OptionalInt.of(1), false),
                Candidate.of("C-1", "C", 5, 2));
        return new ProgramInputs("items", PERIODS, List.of(team("A", a), team("B", b), team("C", c)), candidates,
                Map.of("A", a, "B", b, "C", c), List.of(new ProgramInputs.Unscored("B-7", "Unscored", "B", 4)),
                Optional.of("RICE"), List.of(new ProgramInputs.Apart("B-7", "Unscored", "B", 4, "not scored")),
                List.of());
    }

    @Test
    void aBoardOfTwoProjectsIsOneTeamWithTheirWorkAndSummedThroughput() {
        ProgramInputs boards = BoardTeams.apply(inputs(),
                List.of(new BoardTeams.BoardTeam(7, "Platform board", List.of("A", "B", "D"))));
        assertThat(boards.teams()).extracting(PlanTeam::id).containsExactly("board-7", "C");
        PlanTeam board = boards.teams().get(0);
        assertThat(board.name()).isEqualTo("Platform board");
        // weeks [1, 2, 0, 1] + [0.5, 0, 3, 1] = [1.5, 2, 3, 2]: mean 8.5 / 4 = 2.125, ×
        // 13 =
        // 27.625, rounded half up to 27.63 a quarter
        assertThat(boards.throughput().get("board-7").weeks()).containsExactly(1.5, 2, 3, 2);
        assertThat(board.capacity()).containsExactly(27.63, 27.63);
        assertThat(boards.throughput()).containsOnlyKeys("board-7", "C");
        // C is no board's: its 4 items in 4 weeks, 13 a quarter
        assertThat(boards.teams().get(1).capacity()).containsExactly(13.0, 13.0);
        assertThat(boards.candidates()).extracting(Candidate::teamId).containsExactly("board-7", "board-7", "C");
        Candidate bee = boards.candidates().get(1);
        assertThat(bee.blockers()).containsExactly("A-1");
        assertThat(bee.outsideBlockers()).containsExactly("X-9");
        assertThat(bee.commitBy()).isEqualTo(OptionalInt.of(1));
        assertThat(bee.value()).isEqualTo(20);
        assertThat(bee.effort()).isEqualTo(5);
        assertThat(boards.unscored().get(0).team()).isEqualTo("board-7");
        assertThat(boards.apart().get(0).team()).isEqualTo("board-7");
        assertThat(boards.model()).contains("RICE");
    }

    /**
     * Board 7's filter shows A-1 and B-1 of projects A and B: they are its work, its
     * throughput is what was measured from its issues; A has no work left and goes, B
     * keeps its epic apart (B-7) and the throughput of its issues no board shows.
     */
    @Test
    void aBoardShowingPartOfItsProjectsTakesOnlyThoseIssuesTheRestStaysTheProjects() {
        TeamThroughput board = new TeamThroughput("board-7", new double[] { 1, 0, 2, 1 });
        TeamThroughput restOfB = new TeamThroughput("B", new double[] { 0.5, 0, 1, 0 });
        ProgramInputs boards = BoardTeams.apply(inputs(),
                List.of(new BoardTeams.BoardTeam(7, "Checkout", List.of("A", "B"), Optional.of(Set.of("A-1", "B-1")))),
                Map.of("board-7", board, "A", new TeamThroughput("A", new double[] { 0, 0, 0, 0 }), "B", restOfB));
        assertThat(boards.teams()).extracting(PlanTeam::id).containsExactly("board-7", "B", "C");
        // board: 4 in 4 weeks, 1 a week, 13 a quarter; B's rest: 1.5 / 4 × 13 = 4.875,
        // rounded half up to 4.88; C as before, 13
        assertThat(boards.teams()).extracting(PlanTeam::capacity)
            .containsExactly(List.of(13.0, 13.0), List.of(4.88, 4.88), List.of(13.0, 13.0));
        assertThat(boards.teams().get(0).name()).isEqualTo("Checkout");
        assertThat(boards.throughput().get("B").weeks()).containsExactly(0.5, 0, 1, 0);
        assertThat(boards.throughput()).containsOnlyKeys("board-7", "B", "C");
        assertThat(boards.candidates()).extracting(Candidate::teamId).containsExactly("board-7", "board-7", "C");
        assertThat(boards.apart().get(0).team()).isEqualTo("B");
        assertThat(boards.unscored().get(0).team()).isEqualTo("B");
    }

    @Test
    void twoBoardsShowingPartsOfOneProjectSplitItAndOneIssueOnBothIsRefused() {
        BoardTeams.BoardTeam first = new BoardTeams.BoardTeam(7, "One", List.of("B"), Optional.of(Set.of("B-1")));
        BoardTeams.BoardTeam second = new BoardTeams.BoardTeam(9, "Two", List.of("B"), Optional.of(Set.of("B-7")));
        ProgramInputs split = BoardTeams.apply(inputs(), List.of(first, second), Map.of());
        // B's work is all on the boards: B goes; without measures each board sums B's
        assertThat(split.teams()).extracting(PlanTeam::id).containsExactly("A", "board-7", "board-9", "C");
        assertThat(split.candidates().get(1).teamId()).isEqualTo("board-7");
        assertThat(split.apart().get(0).team()).isEqualTo("board-9");
        BoardTeams.BoardTeam both = new BoardTeams.BoardTeam(9, "Two", List.of("B"), Optional.of(Set.of("B-1")));
        assertThatThrownBy(() -> BoardTeams.apply(inputs(), List.of(first, both), Map.of()))
            .hasMessage("boards 7 and 9 both show B-1: an issue's work is one team's only");
        BoardTeams.BoardTeam whole = new BoardTeams.BoardTeam(9, "Two", List.of("B"));
        assertThatThrownBy(() -> BoardTeams.apply(inputs(), List.of(first, whole), Map.of()))
            .hasMessage("boards 7 and 9 both show project B: a project's work is one team's only");
    }

    @Test
    void noBoardsLeavesTheProjectTeams() {
        ProgramInputs inputs = inputs();
        assertThat(BoardTeams.apply(inputs, List.of())).isSameAs(inputs);
    }

    @Test
    void aBoardOfNoneOfTheProgramsProjectsOrAProjectOnTwoBoardsIsRefused() {
        assertThatThrownBy(
                () -> BoardTeams.apply(inputs(), List.of(new BoardTeams.BoardTeam(8, "Elsewhere", List.of("D")))))
            .hasMessage("board 8 (Elsewhere) shows none of this program's projects you may browse");
        assertThatThrownBy(() -> BoardTeams.apply(inputs(),
                List.of(new BoardTeams.BoardTeam(7, "One", List.of("A")),
                        new BoardTeams.BoardTeam(9, "Two", List.of("B", "A")))))
            .hasMessage("boards 7 and 9 both show project A: a project's work is one team's only");
    }

}

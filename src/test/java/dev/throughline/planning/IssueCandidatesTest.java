package dev.throughline.planning;

import dev.throughline.program.ProgressBasis;
import dev.throughline.readmodel.IssueFacts;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Candidates of a program without open epics (README, Program planning): its open
 * standard issues, valued on the plan's one model, effort their own estimate on the
 * progress basis, team their project, blockers their open {@code blocks} links.
 */
class IssueCandidatesTest {

    private static final ProgramInputs TEAMS = new ProgramInputs("points", List.of("2027-Q1"),
            List.of(new PlanTeam("WEB", "WEB", List.of(10.0)), new PlanTeam("MOB", "MOB", List.of(10.0))), List.of(),
            Map.of("WEB", new TeamThroughput("WEB", new double[] { 1 }), "MOB",
                    new TeamThroughput("MOB", new double[] { 1 })),
            List.of());

    private static long ids = 1;

    private static IssueFacts issue(String key, IssueFacts.Level level, String status, Double points, Integer score,
            String model, List<String> blockedBy) {
        return new IssueFacts(ids++, key, key.substring(0, key.indexOf('-')), key + " summary", level, status,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.ofNullable(points),
                Optional.ofNullable(points).map(p -> (long) (p * 3600)), List.of(),
                Optional.ofNullable(score).map(BigDecimal::valueOf), Optional.ofNullable(model), List.of(), 0,
                List.of(), blockedBy.stream().map(k -> new IssueFacts.IssueRef(ids++, k)).toList(), true);
    }

    private static final List<IssueFacts> ISSUES = List.of(
            issue("WEB-1", IssueFacts.Level.STANDARD, "new", 3.0, 50, "RICE", List.of()),
            issue("WEB-2", IssueFacts.Level.STANDARD, "indeterminate", 5.0, 30, "RICE",
                    List.of("WEB-1", "WEB-9", "OPS-1", "MOB-3")),
            issue("MOB-1", IssueFacts.Level.STANDARD, "new", 2.0, 10, "ICE", List.of()),
            issue("MOB-2", IssueFacts.Level.STANDARD, "new", null, 20, "RICE", List.of()),
            issue("MOB-3", IssueFacts.Level.STANDARD, "new", 1.0, null, null, List.of()),
            issue("WEB-3", IssueFacts.Level.SUBTASK, "new", 1.0, 70, "RICE", List.of()),
            issue("WEB-4", IssueFacts.Level.EPIC, "new", 1.0, 70, "RICE", List.of()),
            issue("WEB-9", IssueFacts.Level.STANDARD, "done", 1.0, 70, "RICE", List.of()),
            issue("OPS-2", IssueFacts.Level.STANDARD, "new", 1.0, 70, "RICE", List.of()));

    @Test
    void openStandardIssuesOfTheTeamsAreTheCandidatesOnTheMostScoredModel() {
        ProgramInputs inputs = IssueCandidates.of(TEAMS, ISSUES, ProgressBasis.STORY_POINTS, Optional.empty(),
                Map.of());
        assertThat(inputs.candidateKind()).isEqualTo("issues");
        assertThat(inputs.model()).contains("RICE");
        assertThat(inputs.candidates())
            .extracting(Candidate::key, Candidate::teamId, Candidate::value, Candidate::effort, Candidate::blockers,
                    Candidate::outsideBlockers)
            .containsExactly(tuple("WEB-1", "WEB", 50.0, 3.0, List.of(), List.of()),
                    // OPS is none of the plan's teams: the viewer may not browse it, so
                    // its
                    // key is not answered
                    tuple("WEB-2", "WEB", 30.0, 5.0, List.of("WEB-1"), List.of(IssueCandidates.ELSEWHERE, "MOB-3")));
        assertThat(inputs.apart()).extracting(ProgramInputs.Apart::key, ProgramInputs.Apart::reason)
            .containsExactly(tuple("MOB-1", "scored with ICE; this plan compares RICE"), tuple("MOB-2", "no estimate"),
                    tuple("MOB-3", "not scored"));
        assertThat(inputs.unscored()).extracting(ProgramInputs.Unscored::key).containsExactly("MOB-3");
        assertThat(inputs.teams()).isEqualTo(TEAMS.teams());
    }

    @Test
    void conversionsApplyAndTheItemsBasisCountsEachIssueAsOne() {
        ProgramInputs inputs = IssueCandidates.of(TEAMS, ISSUES, ProgressBasis.ISSUE_COUNT, Optional.of("RICE"),
                Map.of("ICE", 2.0));
        assertThat(inputs.candidates()).extracting(Candidate::key, Candidate::value, Candidate::effort)
            .containsExactly(tuple("WEB-1", 50.0, 1.0), tuple("WEB-2", 30.0, 1.0), tuple("MOB-1", 20.0, 1.0),
                    tuple("MOB-2", 20.0, 1.0));
        assertThat(inputs.converted()).containsExactly(new ProgramInputs.Converted("MOB-1", "ICE", 2.0, 10.0, 20.0));
    }

    @Test
    void theEstimateBasisIsHours() {
        ProgramInputs inputs = IssueCandidates.of(TEAMS, ISSUES, ProgressBasis.ORIGINAL_ESTIMATE, Optional.empty(),
                Map.of());
        assertThat(inputs.candidates()).extracting(Candidate::effort).containsExactly(3.0, 5.0);
    }

}

package dev.throughline.grooming.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.throughline.grooming.BacklogFlag;
import dev.throughline.grooming.Move;
import dev.throughline.grooming.MoveReason;
import dev.throughline.grooming.ProposedOrder;
import dev.throughline.grooming.RankPlan;
import dev.throughline.grooming.UnmetDependency;
import dev.throughline.grooming.service.ApplyResult;
import dev.throughline.grooming.service.BacklogChangedException;
import dev.throughline.grooming.service.BacklogRow;
import dev.throughline.grooming.service.BacklogSnapshot;
import dev.throughline.grooming.service.BoardChoice;
import dev.throughline.grooming.service.GroomingService;
import dev.throughline.grooming.service.RankRun;
import dev.throughline.jira.Board;
import dev.throughline.jira.RankOutcome;
import dev.throughline.scoring.service.BulkValueResult;
import dev.throughline.support.PinnedJson;
import dev.throughline.support.SliceAuth;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Pins every grooming answer field by field (names, JSON types and values; field order is
 * free), so the web layer can be rebuilt on records without changing the contract. The
 * service is mocked with fixed results.
 */
class GroomingAnswersPinTest extends GroomingSliceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Instant READ_AT = Instant.parse("2026-11-20T10:15:30Z");

    static BacklogRow scored() {
        return new BacklogRow("WEB-1", "Checkout", "Story", "To Do", Optional.of(new BigDecimal("42.5")),
                Optional.of("RICE"), List.of("t1"), List.of("t2"), Optional.of("WEB-9"), Optional.of(3.0),
                Optional.of(12L), Optional.of(Instant.parse("2026-11-01T08:00:00Z")),
                Set.of(BacklogFlag.STALE, BacklogFlag.BLOCKED), Set.of("WEB-7"), Optional.of(10000L),
                Optional.of("WEB"), 3, Map.of("reach", new BigDecimal("500")));
    }

    static BacklogRow unscored() {
        return new BacklogRow("WEB-2", "Search", "Bug", "In Progress", Optional.empty(), Optional.empty(), List.of(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Set.of(BacklogFlag.UNSCORED), Set.of(), Optional.empty(), Optional.empty(), 0, Map.of());
    }

    static BacklogSnapshot snapshot() {
        Map<BacklogFlag, Integer> counts = new EnumMap<>(BacklogFlag.class);
        counts.put(BacklogFlag.UNSCORED, 1);
        counts.put(BacklogFlag.STALE, 1);
        counts.put(BacklogFlag.BLOCKED, 1);
        return new BacklogSnapshot(7, List.of(scored(), unscored()), counts, READ_AT);
    }

    static RankRun.StepResult step(String outcome, List<RankOutcome> failures) {
        return new RankRun.StepResult(1, List.of("WEB-2"), "before", "WEB-1", outcome, failures);
    }

    static RankOutcome refused() {
        return new RankOutcome("WEB-2", Optional.of("10002"), false, List.of("Cannot rank"));
    }

    Answer answer(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc
            .perform(request.with(SliceAuth.contextUser("po-1")).contentType(MediaType.APPLICATION_JSON))
            .andReturn()
            .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        return new Answer(status, JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8)));
    }

    record Answer(int status, JsonNode body) {
    }

    /**
     * {@code actual} equals the pinned answer {@code pinned/grooming/<name>.json} (test
     * resources).
     */
    static void assertPinned(Answer actual, String name) {
        PinnedJson.assertPinned("grooming/" + name, actual.status(), actual.body());
    }

    @Test
    void boards() throws Exception {
        when(grooming.boards(any(), eq("WEB"))).thenReturn(new BoardChoice(
                List.of(new Board(7, "WEB board", "scrum", Optional.of(10000L), Optional.of("WEB"))), 1));

        assertPinned(answer(get("/api/projects/WEB/boards"), 200), "boards");
    }

    @Test
    void backlogPage() throws Exception {
        when(grooming.staleDays(any(), any())).thenReturn(90);
        when(grooming.backlog(any(), eq(7L), eq(90), eq(false))).thenReturn(snapshot());

        assertPinned(answer(get("/api/boards/7/backlog?offset=0&limit=5"), 200), "backlog-page");
        assertPinned(answer(get("/api/boards/7/backlog?offset=1&limit=1"), 200), "backlog-last-page");
        assertPinned(answer(get("/api/boards/7/backlog?limit=501"), 400), "backlog-limit-400");
    }

    @Test
    void proposal() throws Exception {
        UnmetDependency unmet = new UnmetDependency("WEB-1", "WEB-2");
        ProposedOrder proposed = new ProposedOrder(List.of("WEB-2", "WEB-1"),
                List.of(new Move("WEB-2", 1, 0), new Move("WEB-1", 0, 1)), List.of(List.of("WEB-1", "WEB-2")),
                List.of(unmet), Map.of(unmet, UnmetDependency.Cause.CYCLE), Map.of("WEB-2",
                        MoveReason.of(MoveReason.Kind.UNSCORED_IN_PLACE), "WEB-1", MoveReason.heldBy("WEB-2", true)),
                List.of("RICE"));
        when(grooming.propose(any(), eq(7L), anyList(), any())).thenReturn(new GroomingService.Proposal(snapshot(),
                proposed, RankPlan.between(List.of("WEB-1", "WEB-2"), List.of("WEB-2", "WEB-1")), Optional.of("RICE")));

        assertPinned(
                answer(post("/api/boards/7/proposal").content("{\"pinned\":[\"WEB-1\"],\"unscoredLast\":false}"), 200),
                "proposal");
        assertPinned(answer(post("/api/boards/7/proposal").content("{\"pinned\":[\"web 1\"]}"), 400),
                "proposal-pinned-400");
        assertPinned(answer(post("/api/boards/7/proposal").content("{\"dependencyAware\":\"yes\"}"), 400),
                "proposal-flag-400");
    }

    @Test
    void applyAndUndo() throws Exception {
        List<String> target = List.of("WEB-2", "WEB-1");
        when(grooming.apply(any(), eq(7L), eq(target), eq(List.of("WEB-1", "WEB-2"))))
            .thenReturn(new ApplyResult(target, 1, 1, List.of(step("RANKED", List.of())), List.of("WEB-2"), List.of(),
                    List.of(), Optional.empty(), Optional.of(List.of()), false, true));
        when(grooming.apply(any(), eq(7L), eq(target), eq(List.of("WEB-2", "WEB-1"))))
            .thenReturn(new ApplyResult(target, 1, 1, List.of(step("FAILED", List.of())), List.of(), List.of("WEB-2"),
                    List.of(), Optional.of("Jira is unavailable"), Optional.empty(), true, true));
        when(grooming.undo(any(), eq(7L))).thenReturn(
                new ApplyResult(target, 1, 1, List.of(step("PARTIAL", List.of(refused()))), List.of(), List.of("WEB-2"),
                        List.of(refused()), Optional.empty(), Optional.of(List.of("WEB-2")), false, false));
        String body = "{\"order\":[\"WEB-2\",\"WEB-1\"],\"expectedCurrent\":[\"WEB-1\",\"WEB-2\"]}";

        assertPinned(answer(post("/api/boards/7/apply").content(body), 200), "apply-complete");
        assertPinned(
                answer(post("/api/boards/7/apply")
                    .content("{\"order\":[\"WEB-2\",\"WEB-1\"],\"expectedCurrent\":[\"WEB-2\",\"WEB-1\"]}"), 503),
                "apply-interrupted-503");
        assertPinned(answer(post("/api/boards/7/undo").content("{}"), 200), "undo-reread");
        // every bad field is named at once (one body-field reader): the missing
        // expectedCurrent too
        assertPinned(answer(post("/api/boards/7/apply").content("{\"order\":\"WEB-1\"}"), 400), "apply-order-400");

        when(grooming.apply(any(), anyLong(), anyList(), anyList()))
            .thenThrow(new BacklogChangedException(List.of("WEB-3", "WEB-1")));
        assertPinned(answer(post("/api/boards/7/apply").content(body), 409), "apply-changed-409");
    }

    @Test
    void setModel() throws Exception {
        String body = "{\"model\":\"WSJF\",\"inputs\":{\"businessValue\":8,\"timeCriticality\":5,\"riskReduction\":3,"
                + "\"jobSize\":5},\"items\":[{\"issueKey\":\"WEB-1\",\"version\":0},{\"issueKey\":\"WEB-2\",\"version\":3}]}";
        when(grooming.setModel(any(), eq(7L), any()))
            .thenReturn(new BulkValueResult(true, BulkValueResult.Outcome.WRITTEN,
                    List.of(new BulkValueResult.Item("WEB-1", BulkValueResult.Outcome.WRITTEN, "written",
                            Optional.of(GroomingControllerTest.wsjf(0))),
                            new BulkValueResult.Item("WEB-2", BulkValueResult.Outcome.WRITTEN, "written",
                                    Optional.of(GroomingControllerTest.wsjf(3))))));
        assertPinned(answer(post("/api/boards/7/model").content(body), 200), "set-model-written");

        when(grooming.setModel(any(), eq(8L), any()))
            .thenReturn(new BulkValueResult(false, BulkValueResult.Outcome.UNKNOWN, List.of(
                    new BulkValueResult.Item("WEB-1", BulkValueResult.Outcome.WRITTEN, "written",
                            Optional.of(GroomingControllerTest.wsjf(0))),
                    new BulkValueResult.Item("WEB-2", BulkValueResult.Outcome.UNKNOWN, "unknown", Optional.empty())),
                    Optional.of("Jira task 10002 ended FAILED")));
        assertPinned(answer(post("/api/boards/8/model").content(body), 207), "set-model-partial-207");
    }

}

package dev.throughline.scoring.web;

import dev.throughline.jira.JiraRateLimitedException;
import dev.throughline.problems.BusyException;
import dev.throughline.problems.NotAllowedException;
import dev.throughline.problems.NotFoundException;
import dev.throughline.problems.StaleVersionException;
import dev.throughline.scoring.InputParser;
import dev.throughline.scoring.Ranking;
import dev.throughline.scoring.RiceModel;
import dev.throughline.scoring.ScoreInputs;
import dev.throughline.scoring.ValueRecord;
import dev.throughline.scoring.service.DisplayNames;
import dev.throughline.scoring.service.IssueValueService;
import dev.throughline.scoring.service.IssueValueView;
import dev.throughline.support.SliceAuth;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.throughline.support.PinnedJson.assertPinned;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = IssueValueController.class)
@AutoConfigureMockMvc(addFilters = false)
class IssueValueControllerTest {

    @Autowired
    MockMvc mvc;

    @MockBean
    IssueValueService values;

    @MockBean
    DisplayNames names;

    @AfterEach
    void clear() {
        SliceAuth.clear();
    }

    static ValueRecord rice200() {
        RiceModel rice = new RiceModel();
        ScoreInputs inputs = InputParser.parse(rice, Map.of("reach", 500, "impact", 2, "confidence", 80, "effort", 4));
        return ValueRecord.write(Optional.empty(), 0, rice, inputs, Instant.parse("2026-11-20T09:00:00Z"), "po-1");
    }

    static IssueValueView view(boolean editable) {
        ValueRecord record = rice200();
        return new IssueValueView("WEB-1", 10001, "WEB", editable, Optional.of(record), Optional.of("RICE"),
                Optional.of(new RiceModel().evaluate(new ScoreInputs(record.inputs()))),
                Optional.of(new Ranking(2, 5, 75)), Optional.of("RICE"), false, Optional.empty(), 0, Optional.empty());
    }

    @Test
    void valueIsAnsweredWithBreakdownRankAndHistory() throws Exception {
        when(values.read(any(), eq("WEB-1"))).thenReturn(view(true));

        mvc.perform(get("/api/issues/WEB-1/value").with(SliceAuth.contextUser("po-1")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.value.score").value(200))
            .andExpect(jsonPath("$.value.updatedAt").value("2026-11-20T09:00:00"))
            .andExpect(jsonPath("$.breakdown.formula").value("500 × 2 × 80% ÷ 4 = 200"))
            .andExpect(jsonPath("$.rank").value(2))
            .andExpect(jsonPath("$.rankOf").value(5))
            .andExpect(jsonPath("$.percentile").value(75))
            .andExpect(jsonPath("$.editable").value(true))
            .andExpect(jsonPath("$.value.history[0].previousScore").doesNotExist());
    }

    @Test
    void requestWithoutATokenIsRefused() throws Exception {
        mvc.perform(get("/api/issues/WEB-1/value")).andExpect(status().isUnauthorized());
        verify(values, never()).read(any(), any());
    }

    @Test
    void extraFieldIsRejectedBeforeTheServiceIsCalled() throws Exception {
        mvc.perform(put("/api/issues/WEB-1/value").with(SliceAuth.contextUser("po-1"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"model\":\"RICE\",\"inputs\":{},\"version\":0,\"score\":5}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("score"));
        verify(values, never()).write(any(), any());
    }

    @Test
    void staleWriteAnswers409WithTheCurrentValue() throws Exception {
        when(values.write(any(), any())).thenThrow(StaleVersionException.of("The score of WEB-1", 0, 1, rice200()));

        mvc.perform(put("/api/issues/WEB-1/value").with(SliceAuth.contextUser("po-1"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                    "{\"model\":\"RICE\",\"inputs\":{\"reach\":1,\"impact\":1,\"confidence\":1,\"effort\":1},\"version\":0}"))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.current.version").value(1))
            .andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void permissionAndExistenceProblemsAnswer403And404() throws Exception {
        when(values.read(any(), eq("WEB-2")))
            .thenThrow(new NotFoundException("There is no issue WEB-2 that you can see."));
        when(values.read(any(), eq("WEB-3"))).thenThrow(new NotAllowedException("You cannot edit WEB-3."));

        mvc.perform(get("/api/issues/WEB-2/value").with(SliceAuth.contextUser("po-1")))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.message").value("There is no issue WEB-2 that you can see."));
        mvc.perform(get("/api/issues/WEB-3/value").with(SliceAuth.contextUser("po-1")))
            .andExpect(status().isForbidden());
    }

    @Test
    void jiraRateLimitAnswers503WithRetryAfter() throws Exception {
        when(values.read(any(), any())).thenThrow(
                new JiraRateLimitedException("slow down", Optional.of(Duration.ofSeconds(7)), List.of(), Map.of()));

        mvc.perform(get("/api/issues/WEB-1/value").with(SliceAuth.contextUser("po-1")))
            .andExpect(status().isServiceUnavailable())
            .andExpect(header().string("Retry-After", "7"))
            .andExpect(jsonPath("$.message").value(Matchers.containsString("nothing was lost")));
    }

    @Test
    void aWriteThatCouldNotHaveItsLockInTimeAnswers503BusyTryAgain() throws Exception {
        when(values.write(any(), any())).thenThrow(new BusyException(
                "Someone else is changing this right now;" + " nothing was changed. Try again in a moment."));

        mvc.perform(put("/api/issues/WEB-1/value").with(SliceAuth.contextUser("po-1"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"model\":\"ICE\",\"inputs\":{\"impact\":5,\"confidence\":5,\"ease\":5},\"version\":0}"))
            .andExpect(status().isServiceUnavailable())
            .andExpect(header().string("Retry-After", "1"))
            .andExpect(jsonPath("$.status").value(503))
            .andExpect(jsonPath("$.message").value(containsString("Try again")));
    }

    /** A stale write's whole 409 answer, to pin it field by field. */
    private String conflict() throws Exception {
        String write = "{\"model\":\"RICE\",\"inputs\":{\"reach\":1,\"impact\":1,\"confidence\":1,\"effort\":1},\"version\":0}";
        return mvc
            .perform(put("/api/issues/WEB-1/value").with(SliceAuth.contextUser("po-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(write))
            .andExpect(status().isConflict())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void staleWriteOfAScoredIssue() throws Exception {
        when(values.write(any(), any())).thenThrow(StaleVersionException.of("The score of WEB-1", 0, 1, rice200()));

        assertPinned(conflict(),
                "{\"status\":409,\"error\":\"Conflict\",\"message\":\"The score of WEB-1 was changed by someone else "
                        + "(you had version 0, it is now version 1); reload and try again.\",\"errors\":[{\"field\":\"version\""
                        + ",\"message\":\"is not the current version\"}],\"timeStamp\":\"<STRING>\",\"current\":{\"model\":\"RI"
                        + "CE\",\"modelVersion\":1,\"inputs\":{\"confidence\":80,\"effort\":4,\"impact\":2,\"reach\":500},\"sco"
                        + "re\":200,\"updatedAt\":\"2026-11-20T09:00:00\",\"updatedBy\":\"po-1\",\"version\":1,\"history\":[{\""
                        + "at\":\"2026-11-20T09:00:00Z\",\"by\":\"po-1\",\"model\":\"RICE\",\"modelVersion\":1,\"inputs\":{\"co"
                        + "nfidence\":80,\"effort\":4,\"impact\":2,\"reach\":500},\"score\":200,\"previousScore\":null}]}}",
                "timeStamp");
    }

    @Test
    void staleWriteOfAnIssueScoredNoMore() throws Exception {
        when(values.write(any(), any())).thenThrow(StaleVersionException.of("The score of WEB-1", 3, 0, null));

        assertPinned(conflict(),
                "{\"status\":409,\"error\":\"Conflict\",\"message\":\"The score of WEB-1 was changed by someone else "
                        + "(you had version 3, it is now version 0); reload and try again.\",\"errors\":[{\"field\":\"version\""
                        + ",\"message\":\"is not the current version\"}],\"timeStamp\":\"<STRING>\",\"current\":null}",
                "timeStamp");
    }

}

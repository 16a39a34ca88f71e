package dev.throughline.grooming.web;

import org.hamcrest.Matchers;
import dev.throughline.grooming.ModelChange;
import dev.throughline.scoring.InputParser;
import dev.throughline.scoring.ValueRecord;
import dev.throughline.scoring.WsjfModel;
import dev.throughline.scoring.service.BulkValueResult;
import dev.throughline.support.SliceAuth;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bulk "set model" endpoint's request checks and answers, with the service mocked.
 */
class GroomingControllerTest extends GroomingSliceTest {

    static ValueRecord wsjf(long previousVersion) {
        WsjfModel model = new WsjfModel();
        ValueRecord r = ValueRecord.write(Optional.empty(), 0, model,
                InputParser.parse(model,
                        Map.of("businessValue", 8, "timeCriticality", 5, "riskReduction", 3, "jobSize", 5)),
                Instant.parse("2026-11-23T09:00:00Z"), "po-1");
        return new ValueRecord(r.model(), r.modelVersion(), r.inputs(), r.score(), r.updatedAt(), r.updatedBy(),
                previousVersion + 1, r.history());
    }

    @Test
    void setModelPassesSharedAndOwnInputsAndAnswersPerIssue() throws Exception {
        when(grooming.setModel(any(), eq(7L), any()))
            .thenReturn(new BulkValueResult(true, BulkValueResult.Outcome.WRITTEN,
                    List.of(new BulkValueResult.Item("WEB-1", BulkValueResult.Outcome.WRITTEN, "written",
                            Optional.of(wsjf(0))),
                            new BulkValueResult.Item("WEB-2", BulkValueResult.Outcome.WRITTEN, "written",
                                    Optional.of(wsjf(3))))));

        mvc.perform(post("/api/boards/7/model").with(SliceAuth.contextUser("po-1"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"model\":\"WSJF\",\"inputs\":{\"businessValue\":8,\"timeCriticality\":5,"
                    + "\"riskReduction\":3,\"jobSize\":5},\"items\":[{\"issueKey\":\"WEB-1\",\"version\":0},"
                    + "{\"issueKey\":\"WEB-2\",\"version\":3,\"inputs\":{\"jobSize\":8}}]}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.written").value(true))
            .andExpect(jsonPath("$.results[0].model").value("WSJF"))
            .andExpect(jsonPath("$.results[0].score").value(3.2))
            .andExpect(jsonPath("$.results[1].version").value(4));

        ArgumentCaptor<ModelChange> change = ArgumentCaptor.forClass(ModelChange.class);
        verify(grooming).setModel(any(), eq(7L), change.capture());
        ModelChange sent = change.getValue();
        assertThat(sent.inputsOf(sent.items().get(0))).containsEntry("jobSize", 5);
        assertThat(sent.inputsOf(sent.items().get(1))).containsEntry("jobSize", 8).containsEntry("businessValue", 8);
    }

    @Test
    void setModelWithAStaleRowAnswers409AndNamesIt() throws Exception {
        when(grooming.setModel(any(), anyLong(), any()))
            .thenReturn(new BulkValueResult(false, BulkValueResult.Outcome.STALE,
                    List.of(new BulkValueResult.Item("WEB-1", BulkValueResult.Outcome.READY, "ready", Optional.empty()),
                            new BulkValueResult.Item("WEB-2", BulkValueResult.Outcome.STALE,
                                    "Changed by someone else; reload WEB-2", Optional.of(wsjf(4))))));

        mvc.perform(post("/api/boards/7/model").with(SliceAuth.contextUser("po-1"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"model\":\"WSJF\",\"items\":[{\"issueKey\":\"WEB-1\",\"version\":0},"
                    + "{\"issueKey\":\"WEB-2\",\"version\":3}]}"))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.written").value(false))
            .andExpect(jsonPath("$.message").value("Nothing was written: Changed by someone else; reload WEB-2."))
            .andExpect(jsonPath("$.results[1].outcome").value("STALE"))
            .andExpect(jsonPath("$.results[1].version").value(5));
    }

    @Test
    void setModelRequestErrorsNameEachFieldAndReachNothing() throws Exception {
        mvc.perform(post("/api/boards/7/model").with(SliceAuth.contextUser("po-1"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"model\":\"\",\"inputs\":[1],\"extra\":1,\"items\":[{\"issueKey\":\"web 1\",\"version\":-1},"
                    + "{\"issueKey\":\"WEB-2\",\"version\":1},{\"issueKey\":\"WEB-2\",\"version\":1}]}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("extra", "model", "inputs",
                    "items[0].issueKey", "items[0].version", "items[2].issueKey")));

        mvc.perform(post("/api/boards/7/model").with(SliceAuth.contextUser("po-1"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"model\":\"WSJF\",\"items\":[]}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("items"));

        verify(grooming, never()).setModel(any(), anyLong(), any());
    }

}

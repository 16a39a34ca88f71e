package dev.throughline.scoring.web;

import dev.throughline.problems.StaleVersionException;
import dev.throughline.scoring.service.IssueValueService;
import dev.throughline.support.SliceAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import static dev.throughline.support.PinnedJson.assertPinned;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Pins today's 409 answer of a stale score write, field by field, before the stale exceptions become one. */
@WebMvcTest(controllers = IssueValueController.class)
@AutoConfigureMockMvc(addFilters = false)
class StaleValueAnswerPinTest {

    private static final String WRITE = "{\"model\":\"RICE\",\"inputs\":{\"reach\":1,\"impact\":1,\"confidence\":1,\"effort\":1},\"version\":0}";

    @Autowired
    MockMvc mvc;

    @MockBean
    IssueValueService values;

    @AfterEach
    void clear() {
        SliceAuth.clear();
    }

    private String conflict() throws Exception {
        return mvc.perform(put("/api/issues/WEB-1/value").with(SliceAuth.contextUser("po-1"))
                        .contentType(MediaType.APPLICATION_JSON).content(WRITE))
                .andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void staleWriteOfAScoredIssue() throws Exception {
        when(values.write(any(), any())).thenThrow(StaleVersionException.of("The score of WEB-1", 0, 1, IssueValueControllerTest.rice200()));

        assertPinned(conflict(), "{\"status\":409,\"error\":\"Conflict\",\"message\":\"The score of WEB-1 was changed by someone else "
                + "(you had version 0, it is now version 1); reload and try again.\",\"errors\":[{\"field\":\"version\""
                + ",\"message\":\"is not the current version\"}],\"timeStamp\":\"<STRING>\",\"current\":{\"model\":\"RI"
                + "CE\",\"modelVersion\":1,\"inputs\":{\"confidence\":80,\"effort\":4,\"impact\":2,\"reach\":500},\"sco"
                + "re\":200,\"updatedAt\":\"2026-11-20T09:00:00\",\"updatedBy\":\"po-1\",\"version\":1,\"history\":[{\""
                + "at\":\"2026-11-20T09:00:00Z\",\"by\":\"po-1\",\"model\":\"RICE\",\"modelVersion\":1,\"inputs\":{\"co"
                + "nfidence\":80,\"effort\":4,\"impact\":2,\"reach\":500},\"score\":200,\"previousScore\":null}]}}", "timeStamp");
    }

    @Test
    void staleWriteOfAnIssueScoredNoMore() throws Exception {
        when(values.write(any(), any())).thenThrow(StaleVersionException.of("The score of WEB-1", 3, 0, null));

        assertPinned(conflict(), "{\"status\":409,\"error\":\"Conflict\",\"message\":\"The score of WEB-1 was changed by someone else "
                + "(you had version 3, it is now version 0); reload and try again.\",\"errors\":[{\"field\":\"version\""
                + ",\"message\":\"is not the current version\"}],\"timeStamp\":\"<STRING>\",\"current\":null}", "timeStamp");
    }
}

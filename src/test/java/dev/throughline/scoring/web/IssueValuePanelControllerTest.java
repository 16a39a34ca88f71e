package dev.throughline.scoring.web;

import dev.throughline.support.SliceAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = IssueValuePanelController.class)
@AutoConfigureMockMvc(addFilters = false)
class IssueValuePanelControllerTest {

    @Autowired
    MockMvc mvc;

    @AfterEach
    void clear() {
        SliceAuth.clear();
    }

    @Test
    void panelRendersForTheIssueWithLabelledControlsAndConnectsScript() throws Exception {
        mvc.perform(get("/panels/issue-value").param("issueKey", "WEB-7").with(SliceAuth.pageUser("po-1")))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("data-issue-key=\"WEB-7\""),
                    containsString("https://connect-cdn.atl-paas.net/all.js"),
                    containsString("<label for=\"model\">Scoring model</label>"), containsString("/js/issue-value.js"),
                    containsString("role=\"alert\""))));
    }

    @Test
    void panelForAMalformedIssueKeyIsRefused() throws Exception {
        mvc.perform(get("/panels/issue-value").param("issueKey", "<script>").with(SliceAuth.pageUser("po-1")))
            .andExpect(status().isBadRequest());
    }

}

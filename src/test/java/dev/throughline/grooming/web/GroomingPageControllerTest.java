package dev.throughline.grooming.web;

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

@WebMvcTest(controllers = GroomingPageController.class)
@AutoConfigureMockMvc(addFilters = false)
class GroomingPageControllerTest {

    @Autowired
    MockMvc mvc;

    @AfterEach
    void clear() {
        SliceAuth.clear();
    }

    @Test
    void groomingPageHasBoardPickerFiltersProposalBulkActionsAndLabelledControls() throws Exception {
        mvc.perform(get("/pages/grooming").param("projectKey", "WEB").with(SliceAuth.pageUser("po-1")))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Backlog grooming · WEB"),
                    containsString("<label for=\"board\" class=\"inline-label\">Board</label>"),
                    containsString("<label for=\"filter-flag\" class=\"inline-label\">Flag</label>"),
                    containsString("id=\"propose\""), containsString("id=\"undo\""),
                    containsString("<label for=\"bulk-model\" class=\"inline-label\">Model</label>"),
                    containsString("id=\"bulk-model-open\""), containsString("aria-labelledby=\"model-heading\""),
                    containsString("id=\"refresh\""), containsString("The backlog is empty"),
                    containsString("/js/grooming.js"))));
    }

    @Test
    void groomingPageNeedsAProjectKey() throws Exception {
        mvc.perform(get("/pages/grooming").param("projectKey", "x y").with(SliceAuth.pageUser("po-1")))
            .andExpect(status().isBadRequest());
    }

}

package dev.throughline.theme.web;

import dev.throughline.support.SliceAuth;
import org.hamcrest.Matchers;
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

@WebMvcTest(controllers = RoadmapPageController.class)
@AutoConfigureMockMvc(addFilters = false)
class RoadmapPageControllerTest {

    @Autowired
    MockMvc mvc;

    @AfterEach
    void clear() {
        SliceAuth.clear();
    }

    @Test
    void projectRoadmapHasBoardTimelineAndLabelledControls() throws Exception {
        mvc.perform(get("/pages/roadmap").param("projectKey", "WEB").with(SliceAuth.pageUser("pm-1")))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Roadmap themes · WEB"),
                    containsString("data-horizon=\"NOW\""), containsString("data-horizon=\"NEXT\""),
                    containsString("data-horizon=\"LATER\""), containsString("aria-label=\"Timeline by quarter\""),
                    containsString("<label for=\"nt-name\">Name</label>"), containsString("No themes yet"),
                    containsString("Computing progress from Jira"))));
    }

    @Test
    void siteRoadmapNeedsNoProject() throws Exception {
        mvc.perform(get("/pages/roadmap").with(SliceAuth.pageUser("pm-1")))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("<h2>Roadmap themes</h2>"),
                    Matchers.not(containsString("Roadmap themes ·")))));
    }

    @Test
    void malformedProjectKeyIsRefused() throws Exception {
        mvc.perform(get("/pages/roadmap").param("projectKey", "web<x>").with(SliceAuth.pageUser("pm-1")))
            .andExpect(status().isBadRequest());
    }

}

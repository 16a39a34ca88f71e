package dev.throughline.settings.web;

import dev.throughline.settings.service.SiteSettingsService;
import dev.throughline.support.SliceAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.mock.mockito.MockBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = SettingsPageController.class)
@AutoConfigureMockMvc(addFilters = false)
class SettingsPageControllerTest {

    @Autowired
    MockMvc mvc;

    @MockBean
    SiteSettingsService settings;

    @AfterEach
    void clear() {
        SliceAuth.clear();
    }

    @Test
    void administratorsGetTheFormWithEverySectionAndLabelledFields() throws Exception {
        when(settings.isAdministrator(any())).thenReturn(true);

        mvc.perform(get("/admin/settings").with(SliceAuth.pageUser("admin-1")))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("id=\"settings-form\""),
                    containsString("<label for=\"story-points-field\">"),
                    containsString("id=\"story-points-use-detected\""), containsString("<label for=\"stale-days\">"),
                    containsString("<label for=\"cache-ttl\">"), containsString("id=\"settings-save\""),
                    containsString("id=\"project-models\""), containsString("id=\"scorecards\""),
                    containsString("id=\"scorecard-form\""), containsString("id=\"stale-days-error\""),
                    containsString("/js/settings.js"), not(containsString("Only Jira administrators")))));
    }

    @Test
    void othersSeeWhoCanChangeTheSettingsAndNoForm() throws Exception {
        when(settings.isAdministrator(any())).thenReturn(false);

        mvc.perform(get("/admin/settings").with(SliceAuth.pageUser("po-1")))
            .andExpect(status().isOk())
            .andExpect(content()
                .string(allOf(containsString("Only Jira administrators can change Throughline's settings."),
                        containsString("id=\"settings-not-admin\""), not(containsString("settings-form")),
                        not(containsString("stale-days")), not(containsString("settings.js")))));
    }

}

package dev.throughline.settings.web;

import dev.throughline.problems.InvalidInputException;
import dev.throughline.problems.NotAllowedException;
import dev.throughline.settings.NumberField;
import dev.throughline.settings.Planners;
import dev.throughline.settings.SiteSettings;
import dev.throughline.settings.service.SettingsView;
import dev.throughline.settings.service.SiteSettingsService;
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
import java.util.List;
import java.util.Optional;

import static dev.throughline.support.PinnedJson.assertPinned;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = SettingsController.class)
@AutoConfigureMockMvc(addFilters = false)
class SettingsControllerTest {

    private static final String BODY = "{\"storyPointsFieldId\":null,\"staleDays\":30,\"rollupCacheTtlMinutes\":null,\"version\":0}";

    @Autowired
    MockMvc mvc;

    @MockBean
    SiteSettingsService settings;

    @AfterEach
    void clear() {
        SliceAuth.clear();
    }

    @Test
    void everyoneReadsTheValuesButOnlyAdminsGetTheFieldChoices() throws Exception {
        SiteSettings saved = new SiteSettings(Optional.empty(), 30, Optional.empty(), Planners.NONE, 2);
        when(settings.view(any())).thenReturn(new SettingsView(saved, false, Optional.empty()));

        mvc.perform(get("/api/settings").with(SliceAuth.contextUser("po-1")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.staleDays").value(30))
            .andExpect(jsonPath("$.version").value(2))
            .andExpect(jsonPath("$.editable").value(false))
            .andExpect(jsonPath("$.effectiveRollupCacheTtlMinutes").value(10))
            .andExpect(jsonPath("$.defaults.staleDays").value(90))
            .andExpect(jsonPath("$.storyPoints").doesNotExist())
            .andExpect(jsonPath("$.planners").doesNotExist());
    }

    @Test
    void adminsGetTheDetectedFieldAndTheNumberFields() throws Exception {
        SettingsView.StoryPointsChoice choice = new SettingsView.StoryPointsChoice(Optional.of("customfield_10028"),
                List.of(new NumberField("customfield_10028", "Story point estimate", true)), false);
        when(settings.view(any())).thenReturn(new SettingsView(SiteSettings.DEFAULT, true, Optional.of(choice)));

        mvc.perform(get("/api/settings").with(SliceAuth.contextUser("admin-1")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.editable").value(true))
            .andExpect(jsonPath("$.storyPointsFieldId").isEmpty())
            .andExpect(jsonPath("$.planners.accountIds").isEmpty())
            .andExpect(jsonPath("$.storyPoints.detected").value("customfield_10028"))
            .andExpect(jsonPath("$.storyPoints.candidates[*].id", contains("customfield_10028")));
    }

    @Test
    void nonAdminSaveIs403WithTheReason() throws Exception {
        when(settings.save(any(), any()))
            .thenThrow(new NotAllowedException("Only Jira administrators can change Throughline's settings."));

        mvc.perform(put("/api/settings").contentType(MediaType.APPLICATION_JSON)
            .content(BODY)
            .with(SliceAuth.contextUser("po-1")))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.message", containsString("Only Jira administrators")));
    }

    @Test
    void staleSaveIs409WithTheCurrentSettings() throws Exception {
        SiteSettings current = new SiteSettings(Optional.of("customfield_10016"), 45, Optional.of(5), Planners.NONE, 3);
        when(settings.save(any(), any())).thenThrow(SiteSettings.stale(current, 0));

        mvc.perform(put("/api/settings").contentType(MediaType.APPLICATION_JSON)
            .content(BODY)
            .with(SliceAuth.contextUser("admin-1")))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.errors[0].field").value("version"))
            .andExpect(jsonPath("$.current.version").value(3))
            .andExpect(jsonPath("$.current.staleDays").value(45));
    }

    @Test
    void badInputIs400NamingTheField() throws Exception {
        when(settings.save(any(), any()))
            .thenThrow(new InvalidInputException("staleDays", "Stale days must be a whole number from 1 to 3650"));

        mvc.perform(put("/api/settings").contentType(MediaType.APPLICATION_JSON)
            .content(BODY)
            .with(SliceAuth.contextUser("admin-1")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("staleDays"));
    }

    @Test
    void savedSettingsAreAnsweredWithTheirNewVersion() throws Exception {
        when(settings.save(any(), any()))
            .thenReturn(new SiteSettings(Optional.empty(), 30, Optional.of(15), Planners.NONE, 1));

        mvc.perform(put("/api/settings").contentType(MediaType.APPLICATION_JSON)
            .content(BODY)
            .with(SliceAuth.contextUser("admin-1")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.version").value(1))
            .andExpect(jsonPath("$.rollupCacheTtlMinutes").value(15))
            .andExpect(jsonPath("$.effectiveRollupCacheTtlMinutes").value(15));
    }

    @Test
    void staleSaveAnswersTheCurrentSettingsInFull() throws Exception {
        SiteSettings current = new SiteSettings(Optional.of("customfield_10016"), 45, Optional.of(5),
                new Planners(List.of("acc-1"), List.of("product-planners")), 3);
        when(settings.save(any(), any())).thenThrow(SiteSettings.stale(current, 0));

        String answer = mvc
            .perform(put("/api/settings").contentType(MediaType.APPLICATION_JSON)
                .content("{\"storyPointsFieldId\":null,\"staleDays\":30,\"rollupCacheTtlMinutes\":null,\"version\":0}")
                .with(SliceAuth.contextUser("admin-1")))
            .andExpect(status().isConflict())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

        assertPinned(answer,
                "{\"status\":409,\"error\":\"Conflict\",\"message\":\"Someone else changed Throughline's settings (yo"
                        + "u had version 0, they are now version 3); reload and try again.\",\"errors\":[{\"field\":\"version\""
                        + ",\"message\":\"is not the current version\"}],\"timeStamp\":\"<STRING>\",\"current\":{\"version\":3,"
                        + "\"storyPointsFieldId\":\"customfield_10016\",\"staleDays\":45,\"rollupCacheTtlMinutes\":5,\"planners"
                        + "\":{\"groups\":[\"product-planners\"],\"accountIds\":[\"acc-1\"]}}}",
                "timeStamp");
    }

}

package dev.throughline.settings.web;

import dev.throughline.settings.Planners;
import dev.throughline.settings.SiteSettings;
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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Pins today's 409 answer of a stale settings save, field by field, before the stale exceptions become one. */
@WebMvcTest(controllers = SettingsController.class)
@AutoConfigureMockMvc(addFilters = false)
class StaleSettingsAnswerPinTest {

    @Autowired
    MockMvc mvc;

    @MockBean
    SiteSettingsService settings;

    @AfterEach
    void clear() {
        SliceAuth.clear();
    }

    @Test
    void staleSaveAnswersTheCurrentSettingsInFull() throws Exception {
        SiteSettings current = new SiteSettings(Optional.of("customfield_10016"), 45, Optional.of(5),
                new Planners(List.of("acc-1"), List.of("product-planners")), 3);
        when(settings.save(any(), any())).thenThrow(SiteSettings.stale(current, 0));

        String answer = mvc.perform(put("/api/settings").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"storyPointsFieldId\":null,\"staleDays\":30,\"rollupCacheTtlMinutes\":null,\"version\":0}")
                        .with(SliceAuth.contextUser("admin-1")))
                .andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertPinned(answer, "{\"status\":409,\"error\":\"Conflict\",\"message\":\"Someone else changed Throughline's settings (yo"
                + "u had version 0, they are now version 3); reload and try again.\",\"errors\":[{\"field\":\"version\""
                + ",\"message\":\"is not the current version\"}],\"timeStamp\":\"<STRING>\",\"current\":{\"version\":3,"
                + "\"storyPointsFieldId\":\"customfield_10016\",\"staleDays\":45,\"rollupCacheTtlMinutes\":5,\"planners"
                + "\":{\"groups\":[\"product-planners\"],\"accountIds\":[\"acc-1\"]}}}", "timeStamp");
    }
}

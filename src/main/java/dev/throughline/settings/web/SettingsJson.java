package dev.throughline.settings.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.throughline.scoring.ScoringModel;
import dev.throughline.scoring.ScoringSettingsCodec;
import dev.throughline.settings.NumberField;
import dev.throughline.settings.Planners;
import dev.throughline.settings.SiteSettings;
import dev.throughline.settings.service.ProjectDefault;
import dev.throughline.settings.service.SettingsView;
import dev.throughline.settings.service.SiteSettingsService;

import java.util.List;
import java.util.Map;

/**
 * The JSON answers of the settings API as records (pinned by
 * {@code SettingsJsonPinTest}).
 */
final class SettingsJson {

    private SettingsJson() {
    }

    /**
     * {@code GET/PUT /api/settings}: the values for everyone; {@code planners} only for
     * those who may edit them (who the planners are is the admins' business),
     * {@code storyPoints} only when the field choices were read.
     */
    record Settings(long version, String storyPointsFieldId, int staleDays, Integer rollupCacheTtlMinutes,
            @JsonInclude(JsonInclude.Include.NON_NULL) PlannersJson planners, int effectiveRollupCacheTtlMinutes,
            Defaults defaults, boolean editable, @JsonInclude(JsonInclude.Include.NON_NULL) StoryPoints storyPoints) {

        static Settings of(SettingsView view, int appRollupCacheTtlMinutes) {
            SiteSettings settings = view.settings();
            return new Settings(settings.version(), settings.storyPointsFieldId().orElse(null), settings.staleDays(),
                    settings.rollupCacheTtlMinutes().orElse(null),
                    view.editable() ? PlannersJson.of(settings.planners()) : null,
                    settings.rollupCacheTtlMinutes().orElse(appRollupCacheTtlMinutes),
                    new Defaults(SiteSettings.DEFAULT_STALE_DAYS, appRollupCacheTtlMinutes), view.editable(),
                    view.storyPoints().map(StoryPoints::of).orElse(null));
        }
    }

    record PlannersJson(List<String> accountIds, List<String> groups) {

        static PlannersJson of(Planners planners) {
            return new PlannersJson(planners.accountIds(), planners.groups());
        }
    }

    record Defaults(int staleDays, int rollupCacheTtlMinutes) {
    }

    record StoryPoints(String detected, boolean overrideMissing, List<Candidate> candidates) {

        static StoryPoints of(SettingsView.StoryPointsChoice choice) {
            return new StoryPoints(choice.detected().orElse(null), choice.overrideMissing(),
                    choice.candidates().stream().map(Candidate::of).toList());
        }
    }

    record Candidate(String id, String name, boolean custom) {

        static Candidate of(NumberField field) {
            return new Candidate(field.id(), field.name(), field.custom());
        }
    }

    /** {@code GET /api/settings/projects}. */
    record Projects(int offset, boolean more, List<Project> projects) {

        static Projects of(SiteSettingsService.ProjectPage page) {
            return new Projects(page.offset(), page.more(), page.projects().stream().map(Project::of).toList());
        }
    }

    record Project(String key, String name, String defaultModel) {

        static Project of(ProjectDefault project) {
            return new Project(project.key(), project.name(), project.defaultModel().orElse(null));
        }
    }

    /**
     * {@code GET /api/settings/scoring}: scorecards in full, in the shape the scorecard
     * API takes and answers.
     */
    record Scoring(List<ModelName> models, List<Map<String, Object>> scorecards) {

        static Scoring of(SiteSettingsService.ScoringSetup setup) {
            return new Scoring(setup.models().stream().map(ModelName::of).toList(),
                    setup.settings().scorecards().stream().map(ScoringSettingsCodec::scorecardToMap).toList());
        }
    }

    record ModelName(String id, String name) {

        static ModelName of(ScoringModel model) {
            return new ModelName(model.id(), model.name());
        }
    }

    /**
     * {@code GET /api/permissions/planning}: the reason is the one line a read-only page
     * shows, null for a planner.
     */
    record Planning(boolean canPlan, String reason) {
    }

    /** {@code GET /api/settings/story-points/estimates}. */
    record Estimates(String fieldId, long withEstimate) {
    }

}

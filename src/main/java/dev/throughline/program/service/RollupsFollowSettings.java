package dev.throughline.program.service;

import dev.throughline.settings.service.SiteSettingsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A site's rollups were read with its old settings (story-points field, cache time): drop
 * them when those change.
 */
@Component
class RollupsFollowSettings {

    private final ProgramRollupService rollups;

    RollupsFollowSettings(ProgramRollupService rollups) {
        this.rollups = rollups;
    }

    @EventListener
    void settingsChanged(SiteSettingsChanged event) {
        rollups.invalidateSite(event.site());
    }

}

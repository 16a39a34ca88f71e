package dev.throughline.settings.service;

import dev.throughline.tenant.Site;

/**
 * Published after a site's settings are saved, so caches built with the old ones
 * (backlogs, rollups) are dropped.
 */
public record SiteSettingsChanged(Site site) {
    public SiteSettingsChanged {
        if (site == null) {
            throw new IllegalArgumentException("site is required");
        }
    }
}

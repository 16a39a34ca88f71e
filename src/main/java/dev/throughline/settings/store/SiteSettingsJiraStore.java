package dev.throughline.settings.store;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.PropertyTarget;
import dev.throughline.jira.PropertyValue;
import dev.throughline.settings.SiteSettings;
import dev.throughline.settings.SiteSettingsCodec;
import org.springframework.stereotype.Component;

/**
 * The site's settings in the app property {@code throughline.settings} (absent: the
 * defaults, version 0).
 */
@Component
public class SiteSettingsJiraStore {

    public SiteSettings read(JiraClient jira) {
        return jira.getProperty(PropertyTarget.app(), SiteSettingsCodec.PROPERTY_KEY)
            .map(value -> SiteSettingsCodec.fromMap(value.asMap()))
            .orElse(SiteSettings.DEFAULT);
    }

    public void save(JiraClient jira, SiteSettings settings) {
        jira.putProperty(PropertyTarget.app(), SiteSettingsCodec.PROPERTY_KEY,
                PropertyValue.ofMap(SiteSettingsCodec.toMap(settings)));
    }

}

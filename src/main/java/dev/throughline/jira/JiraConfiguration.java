package dev.throughline.jira;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code throughline.jira.*} to {@link JiraClientSettings}. */
@Configuration
@EnableConfigurationProperties(JiraClientSettings.class)
class JiraConfiguration {

}

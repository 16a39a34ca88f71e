package dev.throughline.scoring.store;

import dev.throughline.jira.IssuePropertyUpdate;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraException;
import dev.throughline.jira.PropertyTarget;
import dev.throughline.jira.PropertyValue;
import dev.throughline.scoring.ScoringSettings;
import dev.throughline.scoring.ScoringSettingsCodec;
import dev.throughline.scoring.ValueRecord;
import dev.throughline.scoring.ValueRecordCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where scoring keeps its data in Jira: the issue's {@code throughline.value} property
 * (plus the issue-context status that shows the score as the sidebar label), the
 * project's default model, the site's settings.
 */
@Component
public class ScoringJiraStore {

    /** The key of the jiraIssueContexts module in atlassian-connect.json. */
    public static final String CONTEXT_MODULE_KEY = "value-context";

    private static final Logger log = LoggerFactory.getLogger(ScoringJiraStore.class);
    static final String PROJECT_PROPERTY = "throughline.scoring";

    private final String glanceStatusKey;

    public ScoringJiraStore(@Value("${addon.key}") String addonKey) {
        this.glanceStatusKey = "com.atlassian.jira.issue:" + addonKey + ":" + CONTEXT_MODULE_KEY + ":status";
    }

    public String glanceStatusKey() {
        return glanceStatusKey;
    }

    public ScoringSettings settings(JiraClient jira) {
        return jira.getProperty(PropertyTarget.app(), ScoringSettingsCodec.PROPERTY_KEY)
            .map(value -> ScoringSettingsCodec.fromMap(value.asMap()))
            .orElse(ScoringSettings.DEFAULT);
    }

    public void saveSettings(JiraClient jira, ScoringSettings settings) {
        jira.putProperty(PropertyTarget.app(), ScoringSettingsCodec.PROPERTY_KEY,
                PropertyValue.ofMap(ScoringSettingsCodec.toMap(settings)));
    }

    public Optional<String> defaultModel(JiraClient jira, String projectKey) {
        return jira.getProperty(PropertyTarget.project(projectKey), PROJECT_PROPERTY)
            .map(PropertyValue::asMap)
            .map(map -> map.get("defaultModel"))
            .filter(String.class::isInstance)
            .map(String.class::cast);
    }

    public void saveDefaultModel(JiraClient jira, String projectKey, String modelId) {
        jira.putProperty(PropertyTarget.project(projectKey), PROJECT_PROPERTY,
                PropertyValue.ofMap(Map.of("defaultModel", modelId)));
    }

    /**
     * Writes the value first, then the label. The label is derived from the value, so a
     * failed label write leaves a correct score and a stale label that the next read
     * repairs: answers whether the label was written too.
     */
    public boolean writeValue(JiraClient jira, String issueKey, ValueRecord record, String label) {
        jira.putProperty(PropertyTarget.issue(issueKey), ValueRecordCodec.PROPERTY_KEY, encode(record));
        return writeLabel(jira, issueKey, label);
    }

    /** The sidebar label alone; false (logged) when Jira did not take it. */
    public boolean writeLabel(JiraClient jira, String issueKey, String label) {
        try {
            jira.putProperty(PropertyTarget.issue(issueKey), glanceStatusKey, glanceStatus(label));
            return true;
        }
        catch (JiraException e) {
            log.warn("The sidebar label of {} was not written ({}); the next read of its value repairs it", issueKey,
                    e.getMessage());
            return false;
        }
    }

    /** The label text stored in the issue's sidebar status property, if any. */
    public static Optional<String> storedLabel(PropertyValue status) {
        if (!status.isObject() || !(status.asMap().get("value") instanceof Map<?, ?> value)) {
            return Optional.empty();
        }
        return value.get("label") instanceof String label ? Optional.of(label) : Optional.empty();
    }

    /** Many issues' values and labels in one Jira bulk task. */
    public void writeValues(JiraClient jira, List<BulkValue> values) {
        jira.putIssuePropertiesInBulk(values.stream().map(value -> {
            Map<String, PropertyValue> properties = new LinkedHashMap<>();
            properties.put(ValueRecordCodec.PROPERTY_KEY, encode(value.record()));
            properties.put(glanceStatusKey, glanceStatus(value.label()));
            return new IssuePropertyUpdate(value.issueId(), properties);
        }).toList());
    }

    public record BulkValue(long issueId, ValueRecord record, String label) {
    }

    /**
     * Never over Jira's 32 KB: if a very large scorecard's history would not fit, the
     * oldest entries go.
     */
    static PropertyValue encode(ValueRecord record) {
        ValueRecord fitting = record;
        while (true) {
            try {
                return PropertyValue.ofMap(ValueRecordCodec.toMap(fitting));
            }
            catch (IllegalArgumentException tooLarge) {
                if (fitting.history().size() <= 1) {
                    throw tooLarge;
                }
                fitting = fitting.withHistoryLimitedTo(fitting.history().size() - 1);
            }
        }
    }

    /** The issue-context label Jira shows in the sidebar, e.g. "RICE 200". */
    static PropertyValue glanceStatus(String label) {
        return PropertyValue.ofMap(Map.of("type", "lozenge", "value", Map.of("label", label, "type", "default")));
    }

}

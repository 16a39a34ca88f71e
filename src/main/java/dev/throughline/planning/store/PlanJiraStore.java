package dev.throughline.planning.store;

import dev.throughline.catalog.CatalogFormat;
import dev.throughline.catalog.CatalogStore;
import dev.throughline.jira.JiraClient;
import dev.throughline.planning.PlanSummary;
import dev.throughline.planning.StoredPlan;
import dev.throughline.planning.StoredPlanCodec;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Stored plans in Jira app properties, through the one {@link CatalogStore}:
 * {@code throughline.plans.item.<id>} holds each plan in full, the index
 * ({@code throughline.plans.index} and its shards) every plan's id, program, name and
 * version.
 */
@Component
public class PlanJiraStore {

    private static final String ITEM = "throughline.plans.item.";

    private static final CatalogStore<StoredPlan, PlanSummary> STORE = new CatalogStore<>(
            new CatalogFormat<>("throughline.plans.index", ITEM, "plans", StoredPlan::id, StoredPlanCodec::toMap,
                    StoredPlanCodec::fromMap, StoredPlanCodec::toIndexMap, StoredPlanCodec::summaryFromMap));

    /** The app property holding the plan (named in a deletion's answer). */
    public String key(String id) {
        return ITEM + id;
    }

    public List<PlanSummary> all(JiraClient jira) {
        return STORE.entries(jira);
    }

    public Optional<StoredPlan> plan(JiraClient jira, String id) {
        return STORE.item(jira, id);
    }

    public void save(JiraClient jira, StoredPlan saved, List<PlanSummary> all) {
        STORE.save(jira, List.of(saved), all);
    }

    public void delete(JiraClient jira, String id, List<PlanSummary> remaining) {
        STORE.delete(jira, id, remaining);
    }

}

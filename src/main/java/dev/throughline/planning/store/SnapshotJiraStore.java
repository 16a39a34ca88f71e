package dev.throughline.planning.store;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.PropertyTarget;
import dev.throughline.jira.PropertyValue;
import dev.throughline.planning.PlanSnapshot;
import dev.throughline.planning.SnapshotCodec;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan's commit snapshots in Jira app properties: {@code throughline.plans.snapshot.
 * <planId>.<n>} holds snapshot n, {@code throughline.plans.snapshots.<planId>} the
 * numbers kept, oldest first, and the next number. At most {@link #KEEP} are kept: a
 * commit beyond that deletes the oldest. Callers serialise writes of one plan.
 */
@Component
public class SnapshotJiraStore {

    /** Snapshots kept per plan (the history of five years of quarterly commits). */
    public static final int KEEP = 20;

    /** Room under Jira's 32 KB for one property. */
    public static final int MAX_BYTES = 30_000;

    private static final String INDEX = "throughline.plans.snapshots.";

    private static final String ITEM = "throughline.plans.snapshot.";

    /**
     * The lock a plan's snapshots are written and deleted under (a commit racing the
     * plan's deletion would leave a snapshot of no plan).
     */
    public static String lock(String planId) {
        return "plan-snapshots." + planId;
    }

    /**
     * The app properties holding the plan's snapshots, oldest first, then their index:
     * what deleting the plan deletes, in that order (the index last, so a deletion that
     * stops half way can be run again and finds what is left).
     */
    public List<String> keys(JiraClient jira, String planId) {
        List<String> keys = new ArrayList<>();
        Optional<Index> index = stored(jira, planId);
        index.ifPresent(i -> i.kept().forEach(n -> keys.add(ITEM + planId + "." + n)));
        index.ifPresent(i -> keys.add(INDEX + planId));
        return keys;
    }

    /** Deletes one of the properties {@link #keys} named (gone already is fine). */
    public void delete(JiraClient jira, String key) {
        if (!key.startsWith(ITEM) && !key.startsWith(INDEX)) {
            throw new IllegalArgumentException(key + " is no plan snapshot");
        }
        jira.deleteProperty(PropertyTarget.app(), key);
    }

    /** The plan's snapshots, oldest first. */
    public List<PlanSnapshot> all(JiraClient jira, String planId) {
        List<PlanSnapshot> snapshots = new ArrayList<>();
        for (long n : index(jira, planId).kept()) {
            jira.getProperty(PropertyTarget.app(), ITEM + planId + "." + n)
                .map(PropertyValue::asMap)
                .map(SnapshotCodec::fromMap)
                .ifPresent(snapshots::add);
        }
        return snapshots;
    }

    /**
     * Stores the snapshot, deleting the oldest beyond {@link #KEEP}.
     * @throws IllegalArgumentException when the snapshot does not fit one property
     */
    public void add(JiraClient jira, PlanSnapshot snapshot) {
        PropertyValue value = PropertyValue.ofMap(SnapshotCodec.toMap(snapshot));
        int bytes = value.json().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("The committed plan is too large to keep (" + bytes + " bytes, at most "
                    + MAX_BYTES + "): fewer planned items per plan.");
        }
        String planId = snapshot.planId();
        Index index = index(jira, planId);
        jira.putProperty(PropertyTarget.app(), ITEM + planId + "." + index.next(), value);
        List<Long> kept = new ArrayList<>(index.kept());
        kept.add(index.next());
        List<Long> dropped = new ArrayList<>();
        while (kept.size() > KEEP) {
            dropped.add(kept.remove(0));
        }
        jira.putProperty(PropertyTarget.app(), INDEX + planId,
                PropertyValue.ofMap(Map.of("kept", kept, "next", index.next() + 1)));
        dropped.forEach(n -> jira.deleteProperty(PropertyTarget.app(), ITEM + planId + "." + n));
    }

    private static Index index(JiraClient jira, String planId) {
        return stored(jira, planId).orElse(new Index(List.of(), 1));
    }

    private static Optional<Index> stored(JiraClient jira, String planId) {
        return jira.getProperty(PropertyTarget.app(), INDEX + planId).map(PropertyValue::asMap).map(map -> {
            List<Long> kept = ((List<?>) map.get("kept")).stream().map(n -> ((Number) n).longValue()).toList();
            return new Index(kept, ((Number) map.get("next")).longValue());
        });
    }

    private record Index(List<Long> kept, long next) {
    }

}

package dev.throughline.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link PlanSnapshot} as plain maps and lists for an app property. Items are stored as
 * short arrays ({@code [key, team, period, effort, value, odds]}) so a snapshot of a few
 * hundred items fits in one property (Jira allows 32 KB).
 */
public final class SnapshotCodec {

    private SnapshotCodec() {
    }

    public static Map<String, Object> toMap(PlanSnapshot snapshot) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("planId", snapshot.planId());
        map.put("committedAt", snapshot.committedAt().toString());
        map.put("periods", snapshot.periods());
        map.put("periodEnds", snapshot.periodEnds().stream().map(LocalDate::toString).toList());
        map.put("items",
                snapshot.items()
                    .stream()
                    .map(i -> List.<Object>of(i.key(), i.teamId(), i.period(), i.effort(), i.value(), i.odds()))
                    .toList());
        return map;
    }

    public static PlanSnapshot fromMap(Map<String, Object> map) {
        List<PlanSnapshot.CommittedItem> items = new ArrayList<>();
        for (Object raw : (List<?>) map.get("items")) {
            List<?> item = (List<?>) raw;
            items.add(new PlanSnapshot.CommittedItem(String.valueOf(item.get(0)), String.valueOf(item.get(1)),
                    number(item.get(2)).intValue(), number(item.get(3)).doubleValue(),
                    number(item.get(4)).doubleValue(), number(item.get(5)).doubleValue()));
        }
        return new PlanSnapshot(String.valueOf(map.get("planId")),
                Instant.parse(String.valueOf(map.get("committedAt"))), strings(map.get("periods")),
                strings(map.get("periodEnds")).stream().map(LocalDate::parse).toList(), items);
    }

    private static Number number(Object value) {
        return (Number) value;
    }

    private static List<String> strings(Object value) {
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

}

package dev.throughline.grooming.web;

import dev.throughline.grooming.UnmetDependency;
import dev.throughline.grooming.service.BacklogRow;
import dev.throughline.grooming.service.GroomingService;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/boards/{boardId}/proposal}: the proposed order, every issue's move and
 * the plan's size.
 */
record ProposalAnswer(long boardId, List<String> current, List<String> order, List<Item> items, boolean changesAnything,
        int calls, int moved, List<List<String>> dependencyCycles, List<UnmetDependency> unmetDependencies) {

    /** One issue's move: {@code move} UP / DOWN / UNCHANGED {@code by} positions. */
    record Item(String key, String summary, BigDecimal score, boolean pinned, int from, int to, String move, int by) {
    }

    static ProposalAnswer of(long boardId, List<String> pinned, GroomingService.Proposal proposal) {
        Map<String, BacklogRow> byKey = new HashMap<>();
        proposal.current().rows().forEach(r -> byKey.put(r.key(), r));
        List<Item> items = proposal.proposed().moves().stream().map(move -> {
            BacklogRow row = byKey.get(move.key());
            return new Item(move.key(), row.summary(), row.score().orElse(null), pinned.contains(move.key()),
                    move.from(), move.to(), move.direction().name(), move.positions());
        }).toList();
        return new ProposalAnswer(boardId, proposal.current().keys(), proposal.proposed().order(), items,
                proposal.proposed().changesAnything(), proposal.plan().calls(), proposal.plan().movedKeys().size(),
                proposal.proposed().dependencyCycles(), proposal.proposed().unmetDependencies());
    }
}

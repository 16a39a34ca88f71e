package dev.throughline.grooming.web;

import dev.throughline.grooming.MoveReason;
import dev.throughline.grooming.UnmetDependency;
import dev.throughline.grooming.service.BacklogRow;
import dev.throughline.grooming.service.GroomingService;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/boards/{boardId}/proposal}: the proposed order, every issue's move and
 * why, the plan's size, how many unmet dependencies a pin, a cycle or the switched-off
 * option left ({@code unmetByCause}), and which model's issues lead
 * ({@code leadingModel}, the home project's default) and the order of the model blocks
 * ({@code modelOrder}).
 */
record ProposalAnswer(long boardId, List<String> current, List<String> order, List<Item> items, boolean changesAnything,
        int calls, int moved, List<List<String>> dependencyCycles, List<UnmetDependency> unmetDependencies,
        Map<UnmetDependency.Cause, Long> unmetByCause, String leadingModel, List<String> modelOrder) {

    /**
     * One issue's move: {@code move} UP / DOWN / UNCHANGED {@code by} positions, the
     * score's {@code model} and the {@code reason} it stands there.
     */
    record Item(String key, String summary, BigDecimal score, String model, boolean pinned, int from, int to,
            String move, int by, Reason reason) {
    }

    /**
     * {@code kind}: PINNED, UNSCORED_IN_PLACE, UNSCORED_LAST, SCORE, BLOCKER (waits below
     * {@code blocker}, {@code blockerUnscored} when it has no score) or
     * PIN_LEFT_NO_CHOICE.
     */
    record Reason(String kind, String blocker, boolean blockerUnscored) {

        static Reason of(MoveReason reason) {
            return new Reason(reason.kind().name(), reason.blocker().orElse(null), reason.blockerUnscored());
        }
    }

    static ProposalAnswer of(long boardId, List<String> pinned, GroomingService.Proposal proposal) {
        Map<String, BacklogRow> byKey = new HashMap<>();
        proposal.current().rows().forEach(r -> byKey.put(r.key(), r));
        List<Item> items = proposal.proposed().moves().stream().map(move -> {
            BacklogRow row = byKey.get(move.key());
            Reason reason = proposal.proposed().reasonOf(move.key()).map(Reason::of).orElse(null);
            return new Item(move.key(), row.summary(), row.score().orElse(null),
                    row.score().flatMap(s -> row.model()).orElse(null), pinned.contains(move.key()), move.from(),
                    move.to(), move.direction().name(), move.positions(), reason);
        }).toList();
        return new ProposalAnswer(boardId, proposal.current().keys(), proposal.proposed().order(), items,
                proposal.proposed().changesAnything(), proposal.plan().calls(), proposal.plan().movedKeys().size(),
                proposal.proposed().dependencyCycles(), proposal.proposed().unmetDependencies(),
                proposal.proposed().unmetCounts(), proposal.leadingModel().orElse(null),
                proposal.proposed().modelOrder());
    }
}

package dev.throughline.readmodel.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFacts.IssueRef;
import dev.throughline.readmodel.IssueFacts.Level;
import dev.throughline.readmodel.IssueFacts.ValueDetail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link IssueFacts} ↔ the compact JSON of the {@code facts} column: short names, absent
 * values left out, so 100,000 issues stay a few tens of megabytes.
 */
final class FactsCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private FactsCodec() {
    }

    static String write(IssueFacts f) {
        ObjectNode node = JSON.createObjectNode();
        node.put("s", f.summary()).put("l", f.level().name()).put("c", f.statusCategory());
        f.parent().ifPresent(p -> node.set("p", ref(p)));
        f.created().ifPresent(d -> node.put("cr", d.toString()));
        f.resolved().ifPresent(d -> node.put("r", d.toString()));
        f.due().ifPresent(d -> node.put("d", d.toString()));
        f.storyPoints().ifPresent(p -> node.put("sp", p));
        f.originalEstimateSeconds().ifPresent(e -> node.put("oe", e));
        f.fixVersions().forEach(node.withArray("fv")::add);
        f.valueScore().ifPresent(v -> node.put("v", v));
        f.valueModel().ifPresent(m -> node.put("vm", m));
        if (!f.valueReadable()) {
            node.put("vu", true);
        }
        f.themeIds().forEach(node.withArray("t")::add);
        if (f.subtaskCount() > 0) {
            node.put("st", f.subtaskCount());
        }
        f.blocks().forEach(r -> node.withArray("b").add(ref(r)));
        f.blockedBy().forEach(r -> node.withArray("bb").add(ref(r)));
        if (f.projectId() > 0) {
            node.put("pi", f.projectId());
        }
        f.updated().ifPresent(u -> node.put("u", u.toString()));
        f.valueDetail().ifPresent(d -> {
            ObjectNode detail = node.putObject("vd").put("n", d.version());
            d.inputs().forEach(detail.putObject("i")::put);
        });
        return node.toString();
    }

    static IssueFacts read(long id, String key, String projectKey, String json) {
        JsonNode n;
        try {
            n = JSON.readTree(json);
        }
        catch (IOException e) {
            throw new UncheckedIOException("unreadable facts of " + key, e);
        }
        return new IssueFacts(id, key, projectKey, n.path("s").asText(""), Level.valueOf(n.path("l").asText()),
                n.path("c").asText("new"), optional(n, "p").map(FactsCodec::ref), date(n, "cr"), date(n, "r"),
                date(n, "d"), optional(n, "sp").map(JsonNode::asDouble), optional(n, "oe").map(JsonNode::asLong),
                texts(n.path("fv")), optional(n, "v").map(JsonNode::decimalValue).map(BigDecimal.class::cast),
                optional(n, "vm").map(JsonNode::asText), texts(n.path("t")), n.path("st").asInt(0), refs(n.path("b")),
                refs(n.path("bb")), !n.path("vu").asBoolean(false), n.path("pi").asLong(0),
                optional(n, "u").map(JsonNode::asText).map(Instant::parse), optional(n, "vd").map(FactsCodec::detail));
    }

    private static ValueDetail detail(JsonNode node) {
        Map<String, BigDecimal> inputs = new HashMap<>();
        node.path("i").fields().forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().decimalValue()));
        return new ValueDetail(node.path("n").asLong(0), inputs);
    }

    private static ObjectNode ref(IssueRef ref) {
        return JSON.createObjectNode().put("i", ref.id()).put("k", ref.key());
    }

    private static IssueRef ref(JsonNode node) {
        return new IssueRef(node.path("i").asLong(), node.path("k").asText());
    }

    private static Optional<JsonNode> optional(JsonNode node, String name) {
        return Optional.ofNullable(node.get(name)).filter(v -> !v.isNull());
    }

    private static Optional<LocalDate> date(JsonNode node, String name) {
        return optional(node, name).map(JsonNode::asText).map(LocalDate::parse);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(v -> texts.add(v.asText()));
        return texts;
    }

    private static List<IssueRef> refs(JsonNode array) {
        List<IssueRef> refs = new ArrayList<>();
        array.forEach(v -> refs.add(ref(v)));
        return refs;
    }

}

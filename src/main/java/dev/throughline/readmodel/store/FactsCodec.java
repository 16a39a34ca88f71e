package dev.throughline.readmodel.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.IssueFacts.IssueRef;
import dev.throughline.readmodel.IssueFacts.Level;
import dev.throughline.readmodel.IssueFacts.ValueDetail;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link IssueFacts} ↔ the compact JSON of the {@code facts} column: short names, absent
 * values left out, so 100,000 issues stay a few tens of megabytes.
 */
final class FactsCodec {

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * What the text of every issue carrying theme links contains, and no other row's: the
     * themes field is written only when there are themes, and a quote inside a value is
     * always escaped, so the database can find those rows without handing the others
     * over.
     */
    static final String THEMES_MARK = "\"t\":[";

    /** The parent field's start, unique in a row's text as {@link #THEMES_MARK} is. */
    private static final String PARENT_MARK = "\"p\":{";

    private FactsCodec() {
    }

    /**
     * Written and read token by token (no tree of nodes): a warm view reads every row of
     * its program, and the tree took most of the time of a row.
     */
    static String write(IssueFacts f) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("s", f.summary());
            g.writeStringField("l", f.level().name());
            g.writeStringField("c", f.statusCategory());
            if (f.parent().isPresent()) {
                g.writeFieldName("p");
                ref(g, f.parent().get());
            }
            date(g, "cr", f.created());
            date(g, "r", f.resolved());
            date(g, "d", f.due());
            if (f.storyPoints().isPresent()) {
                g.writeNumberField("sp", f.storyPoints().get());
            }
            if (f.originalEstimateSeconds().isPresent()) {
                g.writeNumberField("oe", f.originalEstimateSeconds().get());
            }
            texts(g, "fv", f.fixVersions());
            if (f.valueScore().isPresent()) {
                g.writeNumberField("v", f.valueScore().get());
            }
            if (f.valueModel().isPresent()) {
                g.writeStringField("vm", f.valueModel().get());
            }
            if (!f.valueReadable()) {
                g.writeBooleanField("vu", true);
            }
            texts(g, "t", f.themeIds());
            if (f.subtaskCount() > 0) {
                g.writeNumberField("st", f.subtaskCount());
            }
            refs(g, "b", f.blocks());
            refs(g, "bb", f.blockedBy());
            if (f.projectId() > 0) {
                g.writeNumberField("pi", f.projectId());
            }
            if (f.updated().isPresent()) {
                g.writeStringField("u", f.updated().get().toString());
            }
            if (f.valueDetail().isPresent()) {
                detail(g, f.valueDetail().get());
            }
            g.writeEndObject();
        }
        catch (IOException e) {
            throw new UncheckedIOException("facts of " + f.key(), e);
        }
        return out.toString();
    }

    static IssueFacts read(long id, String key, String projectKey, String json) {
        try (JsonParser p = JSON.createParser(json)) {
            return new Reading(id, key, projectKey).read(p);
        }
        catch (IOException e) {
            throw new UncheckedIOException("unreadable facts of " + key, e);
        }
    }

    /**
     * The parent a row names, read without parsing the rest of it: most rows a reader of
     * children passes over are never read in full.
     */
    static Optional<IssueRef> parent(String json) {
        int at = json.indexOf(PARENT_MARK);
        if (at < 0) {
            return Optional.empty();
        }
        try (JsonParser p = JSON.createParser(json.substring(at + PARENT_MARK.length() - 1))) {
            p.nextToken();
            return Optional.of(FactsTokens.ref(p));
        }
        catch (IOException e) {
            throw new UncheckedIOException("unreadable parent in " + json, e);
        }
    }

    /** The fields of one row as they are parsed; absent ones keep their defaults. */
    private static final class Reading {

        private final long id;

        private final String key;

        private final String projectKey;

        private String summary = "";

        private String level = "";

        private String category = "new";

        private Optional<IssueRef> parent = Optional.empty();

        private Optional<LocalDate> created = Optional.empty();

        private Optional<LocalDate> resolved = Optional.empty();

        private Optional<LocalDate> due = Optional.empty();

        private Optional<Double> storyPoints = Optional.empty();

        private Optional<Long> estimate = Optional.empty();

        private List<String> fixVersions = List.of();

        private Optional<BigDecimal> value = Optional.empty();

        private Optional<String> model = Optional.empty();

        private boolean unreadable;

        private List<String> themes = List.of();

        private int subtasks;

        private List<IssueRef> blocks = List.of();

        private List<IssueRef> blockedBy = List.of();

        private long projectId;

        private Optional<Instant> updated = Optional.empty();

        private Optional<ValueDetail> detail = Optional.empty();

        Reading(long id, String key, String projectKey) {
            this.id = id;
            this.key = key;
            this.projectKey = projectKey;
        }

        IssueFacts read(JsonParser p) throws IOException {
            FactsTokens.expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                if (p.nextToken() == JsonToken.VALUE_NULL) {
                    continue;
                }
                field(name, p);
            }
            return new IssueFacts(id, key, projectKey, summary, Level.valueOf(level), category, parent, created,
                    resolved, due, storyPoints, estimate, fixVersions, value, model, themes, subtasks, blocks,
                    blockedBy, !unreadable, projectId, updated, detail);
        }

        private void field(String name, JsonParser p) throws IOException {
            switch (name) {
                case "s" -> summary = p.getValueAsString("");
                case "l" -> level = p.getValueAsString("");
                case "c" -> category = p.getValueAsString("new");
                case "p" -> parent = Optional.of(FactsTokens.ref(p));
                case "cr" -> created = Optional.of(LocalDate.parse(p.getValueAsString()));
                case "r" -> resolved = Optional.of(LocalDate.parse(p.getValueAsString()));
                case "d" -> due = Optional.of(LocalDate.parse(p.getValueAsString()));
                case "sp" -> storyPoints = Optional.of(p.getValueAsDouble());
                case "oe" -> estimate = Optional.of(p.getValueAsLong());
                case "fv" -> fixVersions = FactsTokens.texts(p);
                case "v" -> value = Optional.of(p.getDecimalValue());
                case "vm" -> model = Optional.of(p.getValueAsString());
                case "vu" -> unreadable = p.getValueAsBoolean();
                case "t" -> themes = FactsTokens.texts(p);
                case "st" -> subtasks = p.getValueAsInt();
                case "b" -> blocks = FactsTokens.refs(p);
                case "bb" -> blockedBy = FactsTokens.refs(p);
                case "pi" -> projectId = p.getValueAsLong();
                case "u" -> updated = Optional.of(Instant.parse(p.getValueAsString()));
                case "vd" -> detail = Optional.of(FactsTokens.detail(p));
                default -> p.skipChildren(); // written by a later version: not ours to
                                             // read
            }
        }

    }

    private static void ref(JsonGenerator g, IssueRef ref) throws IOException {
        g.writeStartObject();
        g.writeNumberField("i", ref.id());
        g.writeStringField("k", ref.key());
        g.writeEndObject();
    }

    private static void detail(JsonGenerator g, ValueDetail detail) throws IOException {
        g.writeObjectFieldStart("vd");
        g.writeNumberField("n", detail.version());
        g.writeObjectFieldStart("i");
        for (Map.Entry<String, BigDecimal> input : detail.inputs().entrySet()) {
            g.writeNumberField(input.getKey(), input.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void date(JsonGenerator g, String name, Optional<LocalDate> date) throws IOException {
        if (date.isPresent()) {
            g.writeStringField(name, date.get().toString());
        }
    }

    private static void texts(JsonGenerator g, String name, List<String> texts) throws IOException {
        if (!texts.isEmpty()) {
            g.writeArrayFieldStart(name);
            for (String text : texts) {
                g.writeString(text);
            }
            g.writeEndArray();
        }
    }

    private static void refs(JsonGenerator g, String name, List<IssueRef> refs) throws IOException {
        if (!refs.isEmpty()) {
            g.writeArrayFieldStart(name);
            for (IssueRef ref : refs) {
                ref(g, ref);
            }
            g.writeEndArray();
        }
    }

}

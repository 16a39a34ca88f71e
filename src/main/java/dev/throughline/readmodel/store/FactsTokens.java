package dev.throughline.readmodel.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.throughline.readmodel.IssueFacts.IssueRef;
import dev.throughline.readmodel.IssueFacts.ValueDetail;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@link FactsCodec} column's nested values, read token by token. */
final class FactsTokens {

    private FactsTokens() {
    }

    /** {@code {"n": version, "i": {input: number}}}, the parser on its start. */
    static ValueDetail detail(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT);
        long version = 0;
        Map<String, BigDecimal> inputs = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.getCurrentName();
            JsonToken value = p.nextToken();
            if (name.equals("n")) {
                version = p.getValueAsLong();
            }
            else if (name.equals("i") && value == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String input = p.getCurrentName();
                    p.nextToken();
                    inputs.put(input, p.getDecimalValue());
                }
            }
            else {
                p.skipChildren();
            }
        }
        return new ValueDetail(version, inputs);
    }

    /** An object {@code {"i": id, "k": key}}, the parser on its start. */
    static IssueRef ref(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT);
        long refId = 0;
        String refKey = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.getCurrentName();
            p.nextToken();
            switch (name) {
                case "i" -> refId = p.getValueAsLong();
                case "k" -> refKey = p.getValueAsString("");
                default -> p.skipChildren();
            }
        }
        return new IssueRef(refId, refKey);
    }

    static List<String> texts(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY);
        List<String> texts = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            texts.add(p.getValueAsString(""));
        }
        return texts;
    }

    static List<IssueRef> refs(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY);
        List<IssueRef> refs = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            refs.add(ref(p));
        }
        return refs;
    }

    static void expect(JsonToken found, JsonToken wanted) throws IOException {
        if (found != wanted) {
            throw new IOException("expected " + wanted + ", found " + found);
        }
    }

}

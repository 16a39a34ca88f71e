package dev.throughline.jira;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * One client verb for the behaviour matrix: the HTTP call it makes first (which the
 * matrix fails in various ways), what Jira answers when all is well, and how the verb
 * reports success and a 404.
 *
 * @param repeatable whether the call may be re-sent after a 503 or a timeout (false for
 * writing POSTs)
 * @param onNotFound checks what the verb does on 404; null means it throws
 * JiraNotFoundException
 * @param connectApi the /rest/atlassian-connect API, whose errors are {message,
 * statusCode}, not ErrorCollection
 */
record Verb(String name, String method, String path, Supplier<ResponseDefinitionBuilder> success,
        List<Supplier<MappingBuilder>> otherStubs, Function<JiraClient, Object> call, Consumer<Object> checkSuccess,
        boolean repeatable, Consumer<Object> onNotFound, boolean connectApi) {

    MappingBuilder first() {
        return request(method, urlPathEqualTo(path));
    }

    RequestPatternBuilder requested() {
        return RequestPatternBuilder.newRequestPattern(RequestMethod.fromString(method), urlPathEqualTo(path));
    }

    Verb notFoundMeans(Consumer<Object> check) {
        return new Verb(name, method, path, success, otherStubs, call, checkSuccess, repeatable, check, connectApi);
    }

    Verb notRepeatable() {
        return new Verb(name, method, path, success, otherStubs, call, checkSuccess, false, onNotFound, connectApi);
    }

    Verb also(Supplier<MappingBuilder> stub) {
        List<Supplier<MappingBuilder>> stubs = new ArrayList<>(otherStubs);
        stubs.add(stub);
        return new Verb(name, method, path, success, stubs, call, checkSuccess, repeatable, onNotFound, connectApi);
    }

    Verb onConnectApi() {
        return new Verb(name, method, path, success, otherStubs, call, checkSuccess, repeatable, onNotFound, true);
    }

    /** Jira's error body for this API. */
    ResponseDefinitionBuilder error(int status, String message) {
        String body = connectApi ? "{\"message\":\"" + message + "\",\"statusCode\":" + status + "}"
                : "{\"errorMessages\":[\"" + message + "\"],\"errors\":{}}";
        return WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static Verb of(String name, String method, String path, Supplier<ResponseDefinitionBuilder> success,
            Function<JiraClient, Object> call, Consumer<Object> checkSuccess) {
        return new Verb(name, method, path, success, List.of(), call, checkSuccess, true, null, false);
    }

    @Override
    public String toString() {
        return name;
    }
}

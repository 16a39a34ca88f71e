package dev.throughline.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.throughline.support.ConnectedAppTest;
import dev.throughline.support.SharedReference;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The descriptor the app serves is valid against Atlassian's Connect schema, whatever
 * modules we add.
 */
class DescriptorSchemaTest extends ConnectedAppTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void servedDescriptorIsValidAgainstTheConnectSchema() throws IOException {
        JsonNode descriptor = app().get("/atlassian-connect.json", null).json();

        assertThat(violations(descriptor)).isEmpty();
    }

    @Test
    void servedDescriptorDeclaresSignedInstallsContextQshAndGdpr() {
        JsonNode descriptor = app().get("/atlassian-connect.json", null).json();

        assertThat(descriptor.path("authentication").path("type").asText()).isEqualTo("jwt");
        assertThat(descriptor.path("lifecycle").path("installed").asText()).isEqualTo("/installed");
        assertThat(descriptor.path("lifecycle").path("uninstalled").asText()).isEqualTo("/uninstalled");
        JsonNode migrations = descriptor.path("apiMigrations");
        assertThat(migrations.path("gdpr").asBoolean()).isTrue();
        assertThat(migrations.path("context-qsh").asBoolean()).isTrue();
        assertThat(migrations.path("signed-install").asBoolean()).isTrue();
        assertThat(descriptor.path("scopes").toString()).contains("READ").contains("WRITE");
        assertThat(descriptor.toString()).doesNotContain("${");
    }

    @Test
    void configurePageIsTheAdminSettingsPageAndValidates() throws IOException {
        JsonNode descriptor = app().get("/atlassian-connect.json", null).json();
        JsonNode configure = descriptor.path("modules").path("configurePage");

        assertThat(configure.path("key").asText()).isEqualTo("settings");
        assertThat(configure.path("url").asText()).isEqualTo("/admin/settings");
        assertThat(configure.path("name").path("value").asText()).isNotBlank();
        assertThat(violations(descriptor)).isEmpty();
        ((ObjectNode) configure).put("weight", "heavy");
        assertThat(violations(descriptor)).isNotEmpty(); // the schema does check the
                                                         // module
    }

    @Test
    void schemaCheckBitesOnAnInvalidDescriptor() throws IOException {
        JsonNode broken = JSON.readTree("{\"key\":\"throughline\",\"baseUrl\":\"https://x.example\","
                + "\"authentication\":{\"type\":\"jwt\"},\"scopes\":[\"EVERYTHING\"]}");

        assertThat(violations(broken)).isNotEmpty();
    }

    @Test
    void relativeUrlsPassButMalformedUrlsDoNot() {
        assertThat(CONNECT_URL.matches(null, "/installed")).isTrue();
        assertThat(CONNECT_URL.matches(null, "https://x.example/a?b={issue.key}")).isTrue();
        assertThat(CONNECT_URL.matches(null, "/bad url with spaces")).isFalse();
    }

    private static Set<ValidationMessage> violations(JsonNode descriptor) throws IOException {
        JsonMetaSchema v4 = JsonMetaSchema.getV4();
        JsonMetaSchema connect = JsonMetaSchema.builder(v4.getUri(), v4).addFormat(CONNECT_URL).build();
        JsonSchemaFactory factory = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4))
            .addMetaSchema(connect)
            .build();
        try (InputStream schema = Files.newInputStream(SharedReference.connectSchema())) {
            return factory.getSchema(schema).validate(descriptor);
        }
    }

    /**
     * The schema marks Connect URLs as format "uri", but Connect resolves relative URLs
     * ("/installed") against the descriptor's baseUrl and its own examples use them, so a
     * URI reference is what it really accepts. Connect's context parameters ({issue.key})
     * are allowed in query strings.
     */
    private static final Format CONNECT_URL = new Format() {
        @Override
        public String getName() {
            return "uri";
        }

        @Override
        public boolean matches(ExecutionContext context, String value) {
            try {
                new URI(value.replaceAll("\\{[A-Za-z0-9_.-]+}", "x"));
                return true;
            }
            catch (URISyntaxException e) {
                return false;
            }
        }

        @Override
        public String getErrorMessageDescription() {
            return "a URI or a URI relative to baseUrl";
        }
    };

}

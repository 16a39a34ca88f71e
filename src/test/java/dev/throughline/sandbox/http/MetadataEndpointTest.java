package dev.throughline.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.LinkType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataEndpointTest extends DemoSandboxTest {

    @Test
    void fieldListHasTheStoryPointFieldAndDecoys() {
        JsonNode fields = http.get("/rest/api/3/field").json();
        JsonNode points = find(fields, "customfield_10028");
        assertThat(points.get("name").asText()).isEqualTo("Story point estimate");
        assertThat(points.get("schema").get("custom").asText())
            .isEqualTo("com.pyxis.greenhopper.jira:jsw-story-points");
        assertThat(points.get("schema").get("customId").asLong()).isEqualTo(10028);
        JsonNode old = find(fields, "customfield_10016");
        assertThat(old.get("name").asText()).isEqualTo("Story Points (old)");
        assertThat(old.get("schema").get("custom").asText()).isNotEqualTo(points.get("schema").get("custom").asText());
        assertThat(find(fields, "customfield_10019").get("name").asText()).isEqualTo("Rank");
        assertThat(find(fields, "customfield_10020").get("name").asText()).isEqualTo("Sprint");
        assertThat(find(fields, "summary").get("schema").get("system").asText()).isEqualTo("summary");
    }

    @Test
    void aLinkShowsOnBothIssuesFromTheirOwnSide() {
        String linkId = String.valueOf(sandbox.site()
            .addLink(LinkType.BLOCKS, sandbox.site().requireIssue("WEB-2").id(),
                    sandbox.site().requireIssue("PLAT-3").id())
            .id());

        JsonNode web2 = linkOf("WEB-2", linkId);
        assertThat(web2.get("type").get("name").asText()).isEqualTo("Blocks");
        assertThat(web2.get("outwardIssue").get("key").asText()).isEqualTo("PLAT-3");
        assertThat(web2.get("outwardIssue").get("fields").get("status").get("statusCategory").has("key")).isTrue();
        assertThat(linkOf("PLAT-3", linkId).get("inwardIssue").get("key").asText()).isEqualTo("WEB-2");

        sandbox.site().removeLink(Long.parseLong(linkId));
        assertThat(linkOf("WEB-2", linkId)).isNull();
    }

    @Test
    void projectSearchPagesWithIsLast() {
        JsonNode first = http.get("/rest/api/3/project/search?maxResults=2").json();
        assertThat(first.get("values")).hasSize(2);
        assertThat(first.get("isLast").asBoolean()).isFalse();
        assertThat(first.get("total").asInt()).isEqualTo(3);
        JsonNode second = http.get("/rest/api/3/project/search?startAt=2&maxResults=2").json();
        assertThat(second.get("values").get(0).get("key").asText()).isEqualTo("PLAT");
        assertThat(second.get("isLast").asBoolean()).isTrue();
        assertThat(http.get("/rest/api/3/project/search?keys=MOB").json().get("values")).hasSize(1);
    }

    private JsonNode linkOf(String key, String linkId) {
        JsonNode links = http
            .post("/rest/api/3/search/jql", Map.of("jql", "key = " + key, "fields", List.of("issuelinks")))
            .json()
            .get("issues")
            .get(0)
            .get("fields")
            .get("issuelinks");
        for (JsonNode link : links)
            if (link.get("id").asText().equals(linkId))
                return link;
        return null;
    }

    private static JsonNode find(JsonNode fields, String id) {
        for (JsonNode f : fields)
            if (f.get("id").asText().equals(id))
                return f;
        throw new AssertionError("no field " + id);
    }

}

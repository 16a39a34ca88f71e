package dev.throughline.scoring.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.support.AppUnderTest;
import dev.throughline.support.InstalledSiteTest;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue panel's history shows people by name: one bulk Jira call for the names not
 * cached yet, and the accountId itself where Jira gives no name.
 */
class PeopleNamesApiTest extends InstalledSiteTest {

    static final String USERS = "GET /rest/api/3/user/bulk";

    @Override
    protected void seed(SandboxSite site) {
        site.addUser("po-1", "Product Owner");
        site.addUser("viewer-1", "Viewer");
    }

    AppUnderTest.Reply names(String query) {
        return app().get("/api/people/names?" + query, connect.contextToken("viewer-1"));
    }

    @Test
    void namesAreReadInOneBulkCallThenFromTheCacheAndUnknownIdsStayIds() {
        int before = jira.requestCount(USERS);

        AppUnderTest.Reply first = names("accountId=po-1&accountId=gone-9&accountId=po-1");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode names = first.json().path("names");
        assertThat(names.size()).isEqualTo(2);
        assertThat(names.path("po-1").asText()).isEqualTo("Product Owner");
        assertThat(names.path("gone-9").asText()).isEqualTo("gone-9");
        assertThat(jira.requestCount(USERS) - before).isEqualTo(1);

        AppUnderTest.Reply again = names("accountId=po-1");

        assertThat(again.json().path("names").path("po-1").asText()).isEqualTo("Product Owner");
        assertThat(jira.requestCount(USERS) - before).isEqualTo(1);
    }

    @Test
    void aNameJiraCannotGiveIsTheAccountId() {
        jira.failNext(USERS, 1, 500, null);

        AppUnderTest.Reply reply = names("accountId=viewer-1");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("names").path("viewer-1").asText()).isEqualTo("viewer-1");
    }

    @Test
    void tooManyIdsAreRefused() {
        String query = IntStream.range(0, 51).mapToObj(i -> "accountId=a" + i).collect(Collectors.joining("&"));

        assertThat(names(query).status()).isEqualTo(400);
    }

}

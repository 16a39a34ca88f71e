package dev.throughline.jira;

import dev.throughline.contract.WireMockContract;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import com.github.tomakehurst.wiremock.client.WireMock;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The spec check that runs after every client test really bites on a wrong stub. */
class ContractCheckTest extends JiraWireMockTest {

    @Test
    void aStubWhoseIssuesIsAStringIsReportedAsAViolation() {
        checkContract = false; // this test inspects the violations itself
        stub(post(urlPathEqualTo("/rest/api/3/search/jql")).willReturn(okJson(q("{'issues':'TL-1','isLast':true}"))));

        client.search(SearchRequest.of(Jql.projectIs("TL"), List.of())).toList();

        assertThat(WireMockContract.violations(jira.getAllServeEvents())).singleElement()
            .asString()
            .contains("POST /rest/api/3/search/jql -> 200")
            .contains("validation.response.body.schema.type")
            .contains("/issues");
    }

    @Test
    void aStubMissingRequiredFieldsIsReportedAsAViolation() {
        checkContract = false;
        stub(get(urlPathEqualTo("/rest/api/3/task/1")).willReturn(okJson(q("{'id':'1','status':'COMPLETE'}"))));
        stub(post(urlPathEqualTo("/rest/api/3/issue/properties/multi"))
            .willReturn(WireMock.aResponse().withStatus(303).withHeader("Location", "/rest/api/3/task/1")));

        client.putIssuePropertiesInBulk(List.of(new IssuePropertyUpdate(1, Map.of("k", PropertyValue.ofJson("1")))));

        assertThat(WireMockContract.violations(jira.getAllServeEvents()))
            .anySatisfy(v -> assertThat(v).contains("GET /rest/api/3/task/1 -> 200")
                .contains("validation.response.body.schema.required"));
    }

}

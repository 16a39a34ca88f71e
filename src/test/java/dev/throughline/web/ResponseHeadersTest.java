package dev.throughline.web;

import dev.throughline.support.AppUnderTest;
import dev.throughline.support.ConnectedAppTest;
import dev.throughline.support.JiraTokenSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages may be framed only by Jira and load scripts only from us and Connect's CDN;
 * static assets are served under content-hashed URLs cached for a year; pages and API
 * answers are never stored.
 */
class ResponseHeadersTest extends ConnectedAppTest {

    private static final String PAGE = "/pages/roadmap";

    private static final Pattern HASHED_SCRIPT = Pattern.compile("src=\"(/js/roadmap-[0-9a-f]{32}\\.js)\"");

    private JiraTokenSigner site;

    @BeforeEach
    void installSite() {
        site = installNewSite("headers");
    }

    @Test
    void pagesMayBeFramedOnlyByJiraAndRunScriptsOnlyFromUsAndConnect() {
        AppUnderTest.Reply page = openPage();

        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("frame-ancestors 'self' https://*.atlassian.net https://*.jira.com")
            .contains("script-src 'self' https://connect-cdn.atl-paas.net")
            .contains("object-src 'none'");
        assertThat(page.header("X-Frame-Options")).isNotEqualToIgnoringCase("DENY");
    }

    @Test
    void pagesAreNeverStored() {
        assertThat(openPage().header("Cache-Control")).contains("no-store");
    }

    @Test
    void pagesLinkScriptsByContentHashAndThoseAreCachedForAYear() {
        Matcher script = HASHED_SCRIPT.matcher(openPage().body());
        assertThat(script.find()).as("the page links its script by content hash").isTrue();

        AppUnderTest.Reply asset = app().get(script.group(1), null);

        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    }

    @Test
    void webjarsAreLinkedByContentHashToo() {
        assertThat(openPage().body())
            .containsPattern("/webjars/sortablejs/1\\.15\\.2/Sortable\\.min-[0-9a-f]{32}\\.js");
    }

    @Test
    void anAssetWithoutItsHashIsRevalidatedEveryTime() {
        AppUnderTest.Reply asset = app().get("/css/throughline.css", null);

        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.header("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void apiAnswersAreNeverStored() {
        AppUnderTest.Reply reply = app().get("/api/probe/whoami", site.contextToken("account-1"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Cache-Control")).contains("no-store");
    }

    @Test
    void errorAnswersAreNeverStoredEvenOnStaticPaths() {
        AppUnderTest.Reply reply = app().get("/js/no-such-script-0123456789abcdef0123456789abcdef.js", null);

        assertThat(reply.status()).isIn(401, 404);
        assertThat(reply.header("Cache-Control")).contains("no-store");
    }

    private AppUnderTest.Reply openPage() {
        AppUnderTest.Reply page = app().get(PAGE + "?projectKey=WEB",
                site.requestToken("GET", PAGE, "projectKey=WEB", "account-1"));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page;
    }

}

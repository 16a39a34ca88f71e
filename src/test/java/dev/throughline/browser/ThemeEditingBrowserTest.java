package dev.throughline.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandboxsite.SandboxSiteRuntime;
import dev.throughline.support.AppUnderTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editing a theme in the roadmap's dialog (every field, the owner picked from Jira's
 * users, a stale save, Esc), moving its quarters on the timeline, archiving and deleting
 * it with its links, all from the keyboard; and the read-only user told of work they
 * cannot see instead of "no linked work".
 */
class ThemeEditingBrowserTest extends SandboxBrowserTest {

    @Test
    void editAThemeInItsDialogFromTheKeyboardAndReloadAfterSomeoneElseSaved() {
        JsonNode created = createTheme("Onboarding", "2027-Q1", "2027-Q2");
        String id = created.path("id").asText();
        Browser b = browser();
        b.open(frame("roadmap"));
        b.intoApp();

        focus(b, editButton(b, "Onboarding"));
        b.press(Keys.ENTER);
        b.until(d -> "td-name".equals(b.focusedId()));
        WebElement name = b.visible("#td-name");
        name.sendKeys(Keys.END, " flow");
        b.visible("#td-description").sendKeys("First week of a new customer");
        WebElement owner = b.visible("#td-owner");
        owner.sendKeys("Emma");
        b.visible("#td-owner-list [role='option']");
        owner.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        assertThat(owner.getAttribute("value")).isEqualTo("Emma Richards");
        name.sendKeys(Keys.ENTER);

        b.waitForText("#roadmap-message", Pattern.compile("Saved \"Onboarding flow\""));
        b.until(d -> "Edit Onboarding flow".equals(d.switchTo().activeElement().getAttribute("aria-label")));
        JsonNode saved = theme(id);
        assertThat(saved.path("owner").asText()).isEqualTo(SandboxSiteRuntime.PLANNER);
        assertThat(saved.path("description").asText()).isEqualTo("First week of a new customer");
        b.until(d -> cardOf(b, "Onboarding flow").getText().contains("Owner: Emma Richards"));

        // someone else saves while the dialog is open: the dialog says so and reloads
        // their version
        b.press(Keys.ENTER);
        b.visible("#td-name").sendKeys(" v2");
        api().put("/api/themes/" + id, "{\"name\":\"Onboarding journey\",\"version\":" + saved.path("version").asLong()
                + ",\"startQuarter\":\"2027-Q1\",\"endQuarter\":\"2027-Q2\"}", token());
        b.visible("#td-name").sendKeys(Keys.ENTER);
        b.waitForText("#td-message", Pattern.compile("Someone else changed this theme"));
        b.clickable("#td-reload").click();
        b.until(d -> "Onboarding journey".equals(b.visible("#td-name").getAttribute("value")));
        b.screenshot("roadmap-edit-dialog");
        b.intoApp();
        b.press(Keys.ESCAPE);
        b.until(d -> !b.driver().findElement(By.id("theme-dialog")).isDisplayed());
        b.until(d -> "Edit Onboarding journey".equals(d.switchTo().activeElement().getAttribute("aria-label")));

        // the timeline moves both quarters one later
        b.clickable("#show-timeline").click();
        WebElement later = b.visible("#timeline-grid button[aria-label='Move Onboarding journey one quarter later']");
        focus(b, later);
        b.press(Keys.ENTER);
        b.waitForText("#roadmap-message", Pattern.compile("Moved \"Onboarding journey\" to 2027-Q2 – 2027-Q3"));
        assertThat(theme(id).path("startQuarter").asText()).isEqualTo("2027-Q2");
        assertThat(theme(id).path("endQuarter").asText()).isEqualTo("2027-Q3");
        b.clickable("#show-board").click();
        assertNoConsoleErrors(Pattern.compile("409"));
    }

    @Test
    void archiveAThemeThenDeleteItWithItsLinks() {
        String id = createTheme("Legacy export", null, null).path("id").asText();
        String epic = epicOf("WEB");
        assertThat(api().post("/api/themes/" + id + "/links", "{\"issueKeys\":[\"" + epic + "\"]}", token()).status())
            .isEqualTo(200);
        Browser b = browser();
        b.open(frame("roadmap"));
        b.intoApp();

        focus(b, editButton(b, "Legacy export"));
        b.press(Keys.ENTER);
        b.clickable("#td-archive").click();
        b.waitForText("#roadmap-message", Pattern.compile("Archived \"Legacy export\""));
        assertThat(theme(id).path("status").asText()).isEqualTo("ARCHIVED");
        b.until(d -> cardOf(b, "Legacy export").getText().toLowerCase().contains("archived"));

        focus(b, editButton(b, "Legacy export"));
        b.press(Keys.ENTER);
        b.clickable("#td-delete").click();
        b.until(d -> "td-delete-yes".equals(b.focusedId()));
        b.press(Keys.ENTER);
        b.waitForText("#td-message", Pattern.compile("1 issue\\(s\\) are linked to this theme"));
        b.clickable("#td-unlink").click();
        b.clickable("#td-delete-yes").click();
        b.waitForText("#roadmap-message", Pattern.compile("Deleted \"Legacy export\"; 1 issue\\(s\\) unlinked"));
        assertThat(api().get("/api/themes/" + id, token()).status()).isEqualTo(404);
        b.until(d -> d.findElements(By.cssSelector(".card[data-id='" + id + "']")).isEmpty());
        assertNoConsoleErrors(Pattern.compile("409"));
    }

    @Test
    void theReadOnlyUserIsToldOfWorkInProjectsTheyCannotSee() {
        String id = createTheme("Platform hardening", null, null).path("id").asText();
        api().post("/api/themes/" + id + "/links", "{\"issueKeys\":[\"" + epicOf("PLAT") + "\"]}", token());
        Browser b = browser();
        b.open(frame("roadmap", "user", SandboxSiteRuntime.VIEWER));
        b.intoApp();

        WebElement card = cardOf(b, "Platform hardening");
        b.until(d -> cardOf(b, "Platform hardening").getText().contains("items in projects you cannot see"));
        assertThat(cardOf(b, "Platform hardening").getText()).doesNotContainIgnoringCase("no linked work");
        assertThat(card.findElements(By.cssSelector(".edit-theme"))).as("no edit control").isEmpty();
        assertNoConsoleErrors();
    }

    private static void focus(Browser b, WebElement element) {
        b.script("arguments[0].focus();", element);
    }

    private static WebElement editButton(Browser b, String name) {
        return b.visible("button[aria-label='Edit " + name + "']");
    }

    private static WebElement cardOf(Browser b, String name) {
        return b.until(d -> d.findElements(By.cssSelector(".card"))
            .stream()
            .filter(c -> c.findElement(By.tagName("h4")).getText().equals(name))
            .findFirst()
            .orElse(null));
    }

    private AppUnderTest api() {
        return new AppUnderTest(port);
    }

    private String token() {
        return sandbox.site().contextToken(SandboxSite.ADMIN);
    }

    private JsonNode createTheme(String name, String start, String end) {
        AppUnderTest.Reply reply = api().post("/api/themes", "{\"name\":\"" + name + "\",\"horizon\":\"later\""
                + (start == null ? "" : ",\"startQuarter\":\"" + start + "\",\"endQuarter\":\"" + end + "\"") + "}",
                token());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    private JsonNode theme(String id) {
        return api().get("/api/themes/" + id, token()).json();
    }

    /** An epic of the project that no demo theme holds. */
    private String epicOf(String project) {
        return sandbox.data()
            .issues()
            .stream()
            .filter(i -> i.type() == IssueType.EPIC && i.projectKey().equals(project))
            .map(SandboxIssue::key)
            .reduce((first, second) -> second)
            .orElseThrow();
    }

}

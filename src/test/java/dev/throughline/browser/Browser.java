package dev.throughline.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Pattern;

/**
 * Headless Chromium from the operating system (Debian's {@code chromium} and
 * {@code chromium-driver}; CI installs them), driven through Selenium with the system
 * driver, so no tool downloads a browser of its own.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /**
     * {@code -Dthroughline.screenshots.publish=docs/screenshots} also copies the README's
     * pictures there.
     */
    private static final String PUBLISH = System.getProperty("throughline.screenshots.publish", "");

    private final ChromeDriver driver;

    private final String root;

    Browser(String root) {
        this.root = root;
        File chromium = executable("throughline.chromium", "/usr/bin/chromium");
        File chromedriver = executable("throughline.chromedriver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--no-first-run", "--disable-background-networking", "--disable-quic",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
            .usingAnyFreePort()
            .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    private static File executable(String property, String fallback) {
        File file = new File(System.getProperty(property, fallback));
        if (!file.canExecute()) {
            throw new IllegalStateException(file + " is missing: install Debian's chromium and chromium-driver "
                    + "(.ci/run does) or point -D" + property + " at them");
        }
        return file;
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String pathAndQuery) {
        driver.switchTo().defaultContent();
        driver.get(root + pathAndQuery);
    }

    /** Switches into the app's iframe, as Jira's page holds it. */
    void intoApp() {
        driver.switchTo().defaultContent();
        waiter().until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("app-frame")));
        // Keyboard input goes to the app's document, as after a click into Jira's iframe.
        script("window.focus();");
    }

    void intoHost() {
        driver.switchTo().defaultContent();
    }

    WebElement visible(String css) {
        return waiter().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    WebElement clickable(String css) {
        return waiter().until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    }

    void waitForText(String css, Pattern pattern) {
        waiter().until((Function<WebDriver, Boolean>) d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && pattern.matcher(found.get(0).getText()).find();
        });
    }

    /**
     * As {@link #waitForText(String, Pattern)}, for answers that take longer (a plan is
     * solved for up to 5 s, each scenario once more, on a shared machine).
     */
    void waitLongForText(String css, Pattern pattern) {
        waiter(Duration.ofSeconds(90)).until((Function<WebDriver, Boolean>) d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && pattern.matcher(found.get(0).getText()).find();
        });
    }

    /**
     * Pages re-render after each answer, so an element found a moment ago may be gone:
     * look again.
     */
    private WebDriverWait waiter() {
        return waiter(Duration.ofSeconds(15));
    }

    private WebDriverWait waiter(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    <T> T until(Function<WebDriver, T> condition) {
        return waiter().until(condition);
    }

    /**
     * As {@link #until}, for a change the app makes in Jira (a rank) that may wait for a
     * read-model sync on a shared machine.
     */
    <T> T untilLong(Function<WebDriver, T> condition) {
        return waiter(Duration.ofSeconds(60)).until(condition);
    }

    /** Presses keys on whatever has focus, as a keyboard user would. */
    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /**
     * Tabs forward until the element with {@code id} has focus (at most {@code limit}
     * presses).
     */
    void tabTo(String id, int limit) {
        for (int i = 0; i < limit; i++) {
            if (id.equals(driver.switchTo().activeElement().getAttribute("id"))) {
                return;
            }
            press(Keys.TAB);
        }
        throw new AssertionError(
                "Tab never reached #" + id + "; focus is on " + driver.switchTo().activeElement().getTagName() + "#"
                        + driver.switchTo().activeElement().getAttribute("id"));
    }

    String focusedId() {
        return driver.switchTo().activeElement().getAttribute("id");
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Console messages at error level since the last call: JavaScript errors and failed
     * requests alike.
     */
    List<String> consoleErrors() {
        return driver.manage()
            .logs()
            .get(LogType.BROWSER)
            .getAll()
            .stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .toList();
    }

    /**
     * A full-height screenshot of the host page (the app's iframe included) into
     * target/screenshots.
     */
    @SuppressWarnings("unchecked")
    Path screenshot(String baseName) {
        String name = baseName + screenshotSuffix;
        driver.switchTo().defaultContent();
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) content.get("width")).doubleValue();
        double height = Math.min(((Number) content.get("height")).doubleValue(), 8000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            if (!PUBLISH.isBlank() && PUBLISHED.contains(name)) {
                Path target = Path.of(PUBLISH);
                Files.createDirectories(target);
                Files.copy(file, target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String screenshotSuffix = "";

    /**
     * Appended to every screenshot's name from now on (the mode a test runs the pages
     * in).
     */
    void screenshotSuffix(String suffix) {
        screenshotSuffix = suffix;
    }

    /** The screenshots the README shows. */
    static final Set<String> PUBLISHED = Set.of("issue-panel", "roadmap-board", "roadmap-timeline", "program-report",
            "grooming", "settings", "dark-mode", "plan");

    @Override
    public void close() {
        driver.quit();
    }

}

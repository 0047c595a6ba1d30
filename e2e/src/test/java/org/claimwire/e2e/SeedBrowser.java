package org.claimwire.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.claimwire.testsupport.EmbeddedPostgresServer;
import org.claimwire.testsupport.Fixtures;
import org.claimwire.testsupport.KafkaBroker;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * What the browser tests share, started once per test JVM: the whole pipeline with the seed story posted through
 * ingest and answered by query-service, and Debian's headless Chromium (downloads go to {@link #downloads()}).
 * Stopped when the JVM exits. Skips the calling test (assumption) when chromium / chromium-driver are missing.
 */
final class SeedBrowser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String URI = "urn:claimwire:e2e:ask-browser-seed";
    static final String HEADLINE = "Kremlin neither confirms nor denies report of Trump-Putin phone call";

    private static SeedBrowser instance;

    private final Pipeline pipeline;
    private final WebDriver driver;
    private final Path profile;
    private final Path downloads;

    static synchronized SeedBrowser get() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
        if (instance == null) {
            instance = new SeedBrowser();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "seed-browser-stop"));
        }
        return instance;
    }

    private SeedBrowser() throws Exception {
        EmbeddedPostgresServer db = EmbeddedPostgresServer.shared();
        Pipeline p = new Pipeline(KafkaBroker.shared().bootstrapServers(), db, db, "ask-browser").start();
        try {
            ObjectNode story = Http.JSON.createObjectNode().put("uri", URI).put("headline", HEADLINE)
                    .put("body", Fixtures.seedStory()).put("language", "en");
            Http.Response accepted = Http.post(p.ingest().baseUrl() + "/api/v1/stories", "application/json", story.toString(),
                    p.writerKey());
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            String query = p.query().baseUrl();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Http.get(query + "/api/v1/ask?q=" + enc("When will Trump meet Zelensky?")),
                            r -> r.status() == 200 && r.json().path("answered").asBoolean());

            profile = Files.createTempDirectory("claimwire-chromium-");
            downloads = Files.createDirectories(profile.resolve("downloads"));
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1200,1600", "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "safebrowsing.enabled", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        } catch (Exception | Error e) {
            p.close();
            throw e;
        }
        pipeline = p;
    }

    Pipeline pipeline() {
        return pipeline;
    }

    WebDriver driver() {
        return driver;
    }

    Path downloads() {
        return downloads;
    }

    /** Saves what the browser shows under {@code target/}. */
    Path screenshot(String name) throws Exception {
        Path out = Path.of("target", name);
        Files.createDirectories(out.getParent());
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, out, StandardCopyOption.REPLACE_EXISTING);
        return out;
    }

    /** Saves one element as the browser draws it under {@code target/}. */
    Path screenshot(org.openqa.selenium.WebElement element, String name) throws Exception {
        Path out = Path.of("target", name);
        Files.createDirectories(out.getParent());
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true);", element);
        Files.copy(element.getScreenshotAs(OutputType.FILE).toPath(), out, StandardCopyOption.REPLACE_EXISTING);
        return out;
    }

    private void close() {
        try {
            driver.quit();
        } catch (RuntimeException ignored) {
            // the browser may already be gone at JVM exit
        }
        pipeline.close();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (java.io.IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

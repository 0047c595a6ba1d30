package org.claimwire.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimwire.events.CloudEventTypes;
import org.claimwire.events.EnrichedStory;
import org.claimwire.events.Enrichment;
import org.claimwire.events.NlpModel;
import org.claimwire.events.PubStatus;
import org.claimwire.events.Story;
import org.claimwire.events.Topics;
import org.claimwire.testsupport.Csv;
import org.claimwire.testsupport.KafkaBroker;
import org.claimwire.testsupport.KafkaProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The analyst views in a real browser (issue 19), over the seed story that went through the whole pipeline: the
 * claims explorer (filters change the list and the URL, a shared URL restores them, the export downloads valid
 * CSV), the entity page (the stance-over-time chart's counts, who answers whom), the live view (a claim stored
 * during the test appears within 2 s, without a reload), and phone width.
 */
class AnalystBrowserTest {
    private static SeedBrowser browser;
    private static WebDriver driver;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        browser = SeedBrowser.get();
        driver = browser.driver();
        base = browser.pipeline().query().baseUrl();
    }

    @Test
    void explorerFiltersChangeTheListAndTheUrlAndExportDownloadsCsv() throws Exception {
        driver.manage().window().setSize(new Dimension(1200, 1400));
        driver.get(base + "/#/claims");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.cssSelector("#claim-list li.claim-item")).isEmpty());
        int all = driver.findElements(By.cssSelector("#claim-list li.claim-item")).size();

        new Select(driver.findElement(By.id("f-stance"))).selectByValue("NEITHER_CONFIRMS_NOR_DENIES");
        wait.until(d -> d.getCurrentUrl().contains("stance=NEITHER_CONFIRMS_NOR_DENIES"));
        wait.until(d -> stances(d).size() > 0 && stances(d).stream().allMatch("NEITHER_CONFIRMS_NOR_DENIES"::equals));
        assertThat(stances(driver).size()).isLessThan(all);

        WebElement speaker = driver.findElement(By.id("f-speaker"));
        speaker.sendKeys("Peskov");
        driver.findElement(By.id("apply-filters")).click();
        wait.until(d -> d.getCurrentUrl().contains("speaker=Peskov"));
        wait.until(d -> d.findElements(By.cssSelector("#claim-list li.claim-item .speaker")).stream()
                .allMatch(s -> s.getText().equals("Dmitry Peskov"))
                && !d.findElements(By.cssSelector("#claim-list li.claim-item")).isEmpty());
        List<String> filtered = contents(driver);
        assertThat(filtered).anySatisfy(c -> assertThat(c).contains("neither confirm nor deny"));
        // titles next to names
        wait.until(d -> d.findElements(By.cssSelector("#claim-list .titles")).stream()
                .anyMatch(t -> t.getText().contains("Kremlin spokesman")));

        // the URL is the view: opening it afresh shows the same filters and list
        String shared = driver.getCurrentUrl();
        driver.get("about:blank");
        driver.get(shared);
        wait.until(d -> !d.findElements(By.cssSelector("#claim-list li.claim-item")).isEmpty());
        assertThat(new Select(driver.findElement(By.id("f-stance"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("NEITHER_CONFIRMS_NOR_DENIES");
        assertThat(driver.findElement(By.id("f-speaker")).getAttribute("value")).isEqualTo("Peskov");
        wait.until(d -> contents(d).equals(filtered));

        // export: the button downloads the current filter's claims as CSV
        try (var old = Files.list(browser.downloads())) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        WebElement export = driver.findElement(By.id("export-csv"));
        assertThat(export.getAttribute("href")).contains("format=csv").contains("stance=NEITHER_CONFIRMS_NOR_DENIES")
                .contains("speaker=Peskov");
        export.click();
        Path csv = browser.downloads().resolve("claims.csv");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.isRegularFile(csv) && Files.size(csv) > 0);
        List<List<String>> rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        assertThat(header).startsWith("claim_id", "said_at", "kind", "stance");
        assertThat(rows.subList(1, rows.size())).hasSize(filtered.size()).allSatisfy(r -> {
            assertThat(r).hasSize(header.size());
            assertThat(r.get(header.indexOf("stance"))).isEqualTo("NEITHER_CONFIRMS_NOR_DENIES");
            assertThat(r.get(header.indexOf("speaker"))).isEqualTo("Dmitry Peskov");
        });
        assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(header.indexOf("content"))).toList())
                .containsExactlyInAnyOrderElementsOf(filtered);
        browser.screenshot(driver.findElement(By.id("explorer")), "analyst-claims-explorer.png");
    }

    @Test
    void entityPageChartsStanceOverTimeAndShowsWhoAnswersWhom() throws Exception {
        driver.manage().window().setSize(new Dimension(1000, 1400));
        long trump = Http.get(base + "/api/v1/entities?q=" + SeedBrowser.enc("Donald Trump") + "&type=PERSON").json()
                .path("items").get(0).path("id").asLong();
        // the counts the chart must show: Trump's claims by stance, from the claims list (another query than the chart's)
        Map<String, Integer> expected = new HashMap<>();
        for (JsonNode c : Http.get(base + "/api/v1/claims?limit=200&speaker=" + trump).json().path("items")) {
            expected.merge(c.path("stance").asText("UNCLASSIFIED"), 1, Integer::sum);
        }
        assertThat(expected.getOrDefault("ASSERTS", 0)).isGreaterThanOrEqualTo(7); // gold: 8 assertions by Trump

        driver.get(base + "/#/entity/" + trump);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline-table tbody tr")));
        // summed over the weeks (a "Friday" may fall in the week before the story), the table under the chart holds
        // every claim by Trump, per stance
        List<WebElement> rows = driver.findElements(By.cssSelector("#timeline-table tbody tr"));
        Map<String, Integer> shown = new HashMap<>();
        for (WebElement row : rows) {
            for (WebElement td : row.findElements(By.cssSelector("td[data-stance]"))) {
                int n = Integer.parseInt(td.getText().trim());
                if (n > 0) {
                    shown.merge(td.getAttribute("data-stance"), n, Integer::sum);
                }
            }
        }
        assertThat(shown).isEqualTo(expected);
        // the chart itself: uPlot drew a canvas with one series per stance present, labelled in its legend
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline-chart .uplot canvas")));
        assertThat(driver.findElement(By.id("timeline-chart")).getAttribute("data-points")).isEqualTo(String.valueOf(rows.size()));
        assertThat(driver.findElement(By.cssSelector("#timeline-chart .u-legend")).getText()).contains("Asserts");

        // who answers whom: Trump's assertion of the call, Peskov's non-answer, the White House's silence
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#exchange-list .exchange")));
        List<WebElement> exchanges = driver.findElements(By.cssSelector("#exchange-list .exchange"));
        WebElement call = exchanges.stream().filter(x -> x.getText().contains("phone conversation")).findFirst().orElseThrow();
        List<String> stances = call.findElements(By.cssSelector("li.claim-item")).stream()
                .map(li -> li.getAttribute("data-stance")).toList();
        assertThat(stances).contains("ASSERTS", "NEITHER_CONFIRMS_NOR_DENIES", "NO_RESPONSE");
        String text = call.getText();
        assertThat(text).contains("Donald Trump").contains("Peskov").contains("White House").contains(SeedBrowser.HEADLINE);
        // titles wherever names are listed
        assertThat(driver.findElement(By.id("entity")).getText()).contains("president");
        browser.screenshot(driver.findElement(By.id("entity-analysis")), "analyst-entity-analysis.png");
    }

    @Test
    void aClaimStoredDuringTheTestAppearsInTheLiveViewWithinTwoSeconds() throws Exception {
        driver.manage().window().setSize(new Dimension(1000, 1000));
        driver.get(base + "/#/live");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.id("live-status")).getText().startsWith("Connected"));
        String content = "the live view works " + System.nanoTime();
        sendEnriched(content); // returns once the broker has the record (a new producer's start-up is not counted)
        long sent = System.nanoTime();
        new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50)).until(d -> d
                .findElements(By.cssSelector("#live-list li.live-claim")).stream().anyMatch(li -> li.getText().contains(content)));
        long millis = (System.nanoTime() - sent) / 1_000_000;
        System.out.printf("live view: claim on the page %d ms after its event reached Kafka%n", millis);
        assertThat(millis).as("from the event on Kafka to the claim on the page, ms").isLessThanOrEqualTo(2_000);
        assertThat(driver.getCurrentUrl()).endsWith("#/live"); // no reload, no navigation
        browser.screenshot("analyst-live.png");
    }

    @Test
    void thePagesWorkAtPhoneWidth() throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(base + "/#/claims?stance=ASSERTS");
        wait.until(d -> !d.findElements(By.cssSelector("#claim-list li.claim-item")).isEmpty());
        assertThat(overflows()).as("claims explorer overflows at 390 px").isFalse();
        assertThat(driver.findElement(By.id("export-csv")).isDisplayed()).isTrue();
        long trump = Http.get(base + "/api/v1/entities?q=" + SeedBrowser.enc("Donald Trump") + "&type=PERSON").json()
                .path("items").get(0).path("id").asLong();
        driver.get(base + "/#/entity/" + trump);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline-chart .uplot canvas")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#exchange-list .exchange")));
        assertThat(overflows()).as("entity page overflows at 390 px").isFalse();
        browser.screenshot("analyst-phone-width.png");
    }

    private static boolean overflows() {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth + 1;");
    }

    private static List<String> stances(WebDriver d) {
        return d.findElements(By.cssSelector("#claim-list li.claim-item")).stream().map(li -> li.getAttribute("data-stance"))
                .toList();
    }

    private static List<String> contents(WebDriver d) {
        return d.findElements(By.cssSelector("#claim-list li.claim-item > a")).stream()
                .map(a -> a.getText().replaceFirst("^“", "").replaceFirst("”$", "")).toList();
    }

    /** A story with one claim, as nlp-service would publish it to query-service. */
    private static void sendEnriched(String content) throws Exception {
        String uri = "urn:claimwire:e2e:live:" + System.nanoTime();
        String body = "Anna Keller said " + content + ".";
        Instant now = Instant.now();
        Story story = new Story(uri, 1, now, now, PubStatus.USABLE, "en", "Live test", "Desk", body, "Berlin", List.of(),
                List.of(), null, "e2e", null, null);
        Enrichment.Entity keller = new Enrichment.Entity("e1", "Anna Keller", Enrichment.EntityType.PERSON, List.of(),
                List.of(new Enrichment.Span(0, 11, "Anna Keller")));
        int start = body.indexOf(content);
        Enrichment.Claim claim = new Enrichment.Claim("c1", new Enrichment.EntityRef("e1", "Anna Keller", 0, 11, "Anna Keller"),
                new Enrichment.Cue(12, 16, "said", "say"), new Enrichment.Span(start, start + content.length(), content),
                Enrichment.Mode.INDIRECT, Enrichment.Stance.ASSERTS, Enrichment.Kind.STATEMENT, null, null, List.of(), 0.5, 0.9);
        EnrichedStory event = new EnrichedStory(story, new Enrichment("en", List.of(keller), new ArrayList<>(List.of(claim))),
                new NlpModel("e2e", "1", List.of("hand")), now);
        KafkaProbe.send(KafkaBroker.shared().bootstrapServers(), Topics.STORIES_ENRICHED, uri, Http.JSON.writeValueAsString(event),
                Map.of("ce_specversion", "1.0", "ce_id", CloudEventTypes.eventId(CloudEventTypes.STORY_ENRICHED, uri, 1),
                        "ce_type", CloudEventTypes.STORY_ENRICHED, "ce_source", "urn:claimwire:nlp-service", "ce_subject", uri,
                        "content-type", "application/json"));
    }
}

package org.singlewindow.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.Federation.SH;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.singlewindow.contracts.codes.Uscc;
import org.singlewindow.contracts.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * The Shanghai portal in a real browser (Debian's headless Chromium through ChromeDriver; {@code .ci/run} installs
 * both): a declarant logs in through central, fills the form generated for goods declarations (refused, each error
 * shown at its field), then signs a whole goods declaration in the page with its own SM2 key and watches it reach
 * RELEASED live (customs
 * is down when the page opens and comes back while it is open), reads the statistics and switches to English; a
 * node operator sees links and backlogs, discards a dead letter with a reason and checks the audit chain.
 * Screenshots are saved under {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class PortalBrowserTest {

    private static final String PASSWORD = "Portal-Browser-Pass-1";
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private Federation federation;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void start(Federation shared) throws IOException {
        federation = shared;
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** A new trading enterprise with a certificate of its own and one user, registered at central; its USCC. */
    private String newTrader(String name) {
        String first17 = "91310115MA" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        String uscc = first17 + Uscc.checkCharacter(first17);
        federation.issueEnterprise(uscc, name);
        assertThat(federation.register(uscc, name, "TRADER", username(uscc), PASSWORD).statusCode()).isEqualTo(201);
        return uscc;
    }

    private static String username(String uscc) {
        return "web-" + uscc.toLowerCase();
    }

    /** Logs in at Shanghai's portal through central, as a fresh browser session would. */
    private void logIn(String user, String password) {
        browser.get(federation.url(SH) + "/");
        browser.manage().deleteAllCookies();
        browser.get(federation.url(SH) + "/");
        wait.until(ExpectedConditions.urlContains(federation.centralUrl() + "/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains(federation.url(SH) + "/portal/"));
        wait.until(ExpectedConditions.textToBe(By.id("user"), user));
    }

    @Test
    void an_operator_should_see_links_and_backlogs_discard_a_dead_letter_and_check_the_audit_chain()
            throws Exception {
        String operator = "web-ops-" + ThreadLocalRandom.current().nextInt(1_000_000);
        HttpResponse<String> created = federation.post(federation.centralUrl() + "/api/v1/users",
                federation.token("ops-central"), "application/json", Json.MAPPER.writeValueAsString(Map.of(
                        "username", operator, "password", PASSWORD, "role", "NODE_OPERATOR", "province", SH)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String results = "sw.out.province." + SH;
        String poison = "poison-" + UUID.randomUUID();
        try (Connection connection = federation.centralBrokerAs("province-" + SH, Federation.brokerPassword(SH))
                .createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage message = session.createTextMessage("{\"not\": \"an envelope\"}");
            message.setStringProperty("_AMQ_DUPL_ID", poison);
            message.setStringProperty("swMessageId", poison);
            session.createProducer(session.createQueue(results)).send(message);
        }
        String ops = federation.token("ops-310000");
        await().atMost(Duration.ofSeconds(30)).until(() -> federation.parkedNow(federation.url(SH), ops, results)
                .stream().anyMatch(m -> poison.equals(m.get("messageId").asString())));

        logIn(operator, PASSWORD);
        browser.findElement(By.id("ops-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-discard='" + poison + "']")));
        assertThat(browser.findElements(By.cssSelector("[data-link]"))).isNotEmpty();
        assertThat(text("[data-queue='sw.out.central']")).matches("\\d+");
        screenshot("portal-operations-console");
        browser.findElement(By.cssSelector("[data-reason='" + poison + "']")).sendKeys("not an envelope: test poison");
        browser.findElement(By.cssSelector("[data-discard='" + poison + "']")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("[data-discard='" + poison + "']"), 0));
        assertThat(federation.parkedNow(federation.url(SH), ops, results))
                .noneMatch(m -> poison.equals(m.get("messageId").asString()));
        JsonNode verified = Json.MAPPER.readTree(federation.get(federation.url(SH) + "/api/v1/audit/verify", ops).body());
        assertThat(verified.get("problems")).as(verified.toString()).isEmpty();
        browser.findElement(By.id("audit-check")).click();
        wait.until(ExpectedConditions.textToBe(By.id("audit-result"), "完整"));
        screenshot("portal-operations-after-discard");
    }

    @Test
    void a_declarant_should_upload_a_decmessage_signed_e_port_style_and_see_it_final() throws Exception {
        String uscc = newTrader("上海报文测试有限公司");
        String user = username(uscc);
        String xml = new String(StandardSamples.bytes("goods-declaration.xml"), StandardCharsets.UTF_8)
                .replace("91310115MA1H7G0X0M", uscc).replace("ACME-XML-0001", "WEB-XML-" + UUID.randomUUID()
                        .toString().substring(0, 8));
        Path file = Files.createTempDirectory("decmessage").resolve("DecMessage.xml");
        Files.write(file, federation.xmlSignedBy(uscc, xml));

        logIn(user, PASSWORD);
        browser.findElement(By.id("new-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("xml-submit")));
        browser.findElement(By.id("xml-file")).sendKeys(file.toString());
        browser.findElement(By.id("xml-submit")).click();
        wait.until(ExpectedConditions.urlContains("/portal/#/d/"));
        wait.until(ExpectedConditions.textToBe(By.id("liveness"), "已办结"));
        assertThat(browser.findElements(By.cssSelector("[data-agency=GACC] [data-status=RELEASED]"))).hasSize(1);
        screenshot("portal-decmessage-uploaded");
    }

    @Test
    void a_declarant_should_log_in_sign_and_submit_in_the_page_watch_it_reach_released_live_and_see_statistics() {
        String uscc = newTrader("上海浏览器测试有限公司");
        String user = username(uscc);

        logIn(user, PASSWORD);
        assertThat(text("#portal-name")).isNotBlank().isNotEqualTo("国际贸易单一窗口");
        assertThat(text("nav a[href='#/stats']")).isEqualTo("查询统计");
        screenshot("portal-login-dashboard");

        browser.findElement(By.id("new-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-submit")));
        Path pki = federation.dir.resolve("pki/enterprises");
        browser.findElement(By.id("new-key")).sendKeys(pki.resolve(uscc + "-key.pem").toString());
        browser.findElement(By.id("new-certificate")).sendKeys(pki.resolve(uscc + ".pem").toString());
        By customs = By.cssSelector("[data-path='data.declarationCustoms']");
        wait.until(ExpectedConditions.presenceOfElementLocated(customs));
        browser.findElement(customs).sendKeys("9999");
        assertThat(browser.findElement(By.id("new-document")).getAttribute("value"))
                .as("the form writes the document").contains("\"declarationCustoms\": \"9999\"", uscc);
        browser.findElement(By.id("new-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#new-outcome .error")));
        assertThat(text("[data-error-for='data.declarationCustoms']")).as("shown at the field").isNotBlank();
        assertThat(text("[data-error-for='data.direction']")).contains("必填");
        screenshot("portal-submit-refused-with-fields");

        federation.stopMinistry("GACC");
        String id;
        try {
            browser.executeScript("document.getElementById('new-document').value = arguments[0]",
                    Samples.json(Samples.declaration(uscc)));
            browser.findElement(By.id("new-submit")).click();
            wait.until(ExpectedConditions.urlContains("/portal/#/d/"));
            id = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("#/d/") + 4);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-agency=GACC]")));
            assertThat(text("#liveness")).isEqualTo("实时更新中");
            assertThat(text("[data-agency=GACC]")).isNotEqualTo("RELEASED");
            screenshot("portal-document-waiting-for-customs");
        } finally {
            federation.startMinistry("GACC");
        }
        String signed = federation.centralDb().queryForObject("select count(*) from document_signature where "
                + "declaration_id = ?", String.class, id);
        assertThat(signed).as("the browser's signature was verified and kept at central").isEqualTo("1");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-agency=GACC] [data-status=RELEASED]")));
        wait.until(ExpectedConditions.textToBe(By.id("liveness"), "已办结"));
        assertThat(browser.getCurrentUrl()).as("updated without a reload").endsWith("/portal/#/d/" + id);
        screenshot("portal-document-released-live");

        browser.get(federation.url(SH) + "/portal/#/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[data-id='" + id + "']")));
        browser.findElement(By.cssSelector("nav a[href='#/stats']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#by-day-chart rect.bar")));
        assertThat(Integer.parseInt(text("#total"))).isEqualTo(1);
        screenshot("portal-statistics");
        browser.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h2"), "Query & statistics"));
        screenshot("portal-statistics-english");
    }
}

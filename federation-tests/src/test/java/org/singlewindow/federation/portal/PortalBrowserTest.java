package org.singlewindow.federation.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.WireMock;
import jakarta.jms.Connection;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.singlewindow.contracts.codes.Uscc;
import org.singlewindow.contracts.document.DocumentType;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Browser;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.Ministries;
import org.singlewindow.federation.support.Samples;
import org.singlewindow.federation.support.TestFiles;
import org.singlewindow.federation.support.SharedFederation;
import org.singlewindow.federation.support.StandardSamples;
import org.singlewindow.node.config.QueueNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;

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
@Tag("heavy")
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
        return newEnterprise(name, "TRADER");
    }

    /** A new enterprise of a kind (TRADER, BROKER) with its certificate and one user, registered; its USCC. */
    private String newEnterprise(String name, String kind) {
        String first17 = "91310115MA" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        String uscc = first17 + Uscc.checkCharacter(first17);
        federation.signers().issueEnterprise(uscc, name);
        assertThat(federation.register(uscc, name, kind, username(uscc), PASSWORD).statusCode()).isEqualTo(201);
        return uscc;
    }

    private static String username(String uscc) {
        return "web-" + uscc.toLowerCase();
    }

    @Test
    void the_login_page_should_carry_the_name_of_the_window_the_user_came_from_and_central_should_have_a_front_page() {
        browser.manage().deleteAllCookies();
        browser.get(federation.url(SH) + "/");
        wait.until(ExpectedConditions.urlContains(federation.centralUrl() + "/login"));
        String shanghai = Federation.WINDOW_NAMES.get(SH);
        assertThat(browser.getTitle()).isEqualTo(shanghai + " · 登录");
        assertThat(browser.findElement(By.id("window")).getText()).isEqualTo(shanghai);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        browser.findElement(By.id("username")).sendKeys("nobody-" + System.nanoTime());
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("error=credentials"));
        assertThat(browser.findElement(By.id("error")).getText()).isEqualTo("用户名或密码错误。");
        assertThat(browser.getTitle()).as("still Shanghai's window").startsWith(shanghai);
        browser.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.urlContains("lang=en"));
        assertThat(browser.getTitle()).isEqualTo(shanghai + " · Sign in");
        assertThat(browser.findElement(By.id("error")).getText()).isEqualTo("Wrong user name or password.");

        browser.manage().deleteAllCookies();
        browser.get(federation.url(Federation.GD) + "/");
        wait.until(ExpectedConditions.urlContains(federation.centralUrl() + "/login"));
        assertThat(browser.getTitle()).isEqualTo(Federation.WINDOW_NAMES.get(Federation.GD) + " · 登录");

        browser.get(federation.centralUrl() + "/");
        assertThat(browser.getTitle()).isEqualTo("中国国际贸易单一窗口");
        assertThat(browser.findElement(By.id("windows")).getText()).contains(shanghai,
                Federation.WINDOW_NAMES.get(Federation.GD));
        assertThat(browser.findElement(By.id("console")).getAttribute("href")).endsWith("/console/");
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
        if (!"zh-CN".equals(browser.findElement(By.tagName("html")).getAttribute("lang"))) {
            browser.findElement(By.id("lang")).click(); // Chinese first, whatever an earlier test chose
        }
    }

    /** Chooses the enterprise's key and certificate in the page's inputs {@code <id>-key}, {@code <id>-certificate}. */
    private void chooseSigningFiles(String id, String uscc) {
        Path pki = federation.dir.resolve("pki/enterprises");
        browser.findElement(By.id(id + "-key")).sendKeys(pki.resolve(uscc + "-key.pem").toString());
        browser.findElement(By.id(id + "-certificate")).sendKeys(pki.resolve(uscc + ".pem").toString());
    }

    /** The id of the document page the browser shows, once it shows one. */
    private String documentShown() {
        wait.until(ExpectedConditions.urlContains("/portal/#/d/"));
        String url = browser.getCurrentUrl();
        return url.substring(url.indexOf("#/d/") + 4);
    }

    @Test
    void a_central_operator_should_log_in_at_central_and_replay_a_dead_letter_in_its_console() throws Exception {
        String operator = "web-central-ops-" + ThreadLocalRandom.current().nextInt(1_000_000);
        HttpResponse<String> created = federation.post(federation.centralUrl() + "/api/v1/users",
                federation.token("ops-central"), "application/json", Json.MAPPER.writeValueAsString(Map.of(
                        "username", operator, "password", PASSWORD, "role", "CENTRAL_OPERATOR")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String token = federation.token("sh-acme");
        String agencyQueue = new QueueNames().agency("GACC");
        var refusal = federation.gacc.stubFor(WireMock.post(WireMock.urlPathEqualTo("/gacc/declarations"))
                .atPriority(0).withRequestBody(WireMock.matchingJsonPath("$.document.data.remarks",
                        WireMock.containing("TEST:CONSOLE-REFUSE")))
                .willReturn(WireMock.aResponse().withStatus(400).withBody("{\"error\":\"bad request\"}")));
        String id;
        JsonNode parked;
        try {
            HttpResponse<String> submitted = federation.submit(SH, token, Samples.json(Samples.remarks(
                    Samples.declaration(Samples.ACME_SH), "TEST:CONSOLE-REFUSE")));
            id = Json.MAPPER.readTree(submitted.body()).get("id").asString();
            parked = federation.parked(agencyQueue, m -> id.equals(m.path("declarationId").asString()));
        } finally {
            federation.gacc.removeStub(refusal);
        }
        String messageId = parked.get("messageId").asString();

        browser.manage().deleteAllCookies();
        browser.get(federation.centralUrl() + "/console/");
        wait.until(ExpectedConditions.urlContains(federation.centralUrl() + "/login"));
        browser.findElement(By.id("username")).sendKeys(operator);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains(federation.centralUrl() + "/console/"));
        wait.until(ExpectedConditions.textToBe(By.id("user"), operator));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-replay='" + messageId + "']")));
        assertThat(browser.findElements(By.cssSelector("[data-link='agency-link-GACC']")))
                .as("central's links to the ministries").isNotEmpty();
        assertThat(browser.findElement(By.id("portal-link")).isDisplayed()).as("central has no portal").isFalse();
        screenshot("central-console-dead-letter");
        browser.findElement(By.cssSelector("[data-replay='" + messageId + "']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ops-outcome"), messageId));
        await().atMost(Duration.ofSeconds(30)).until(() -> federation.declaration(federation.url(SH), token, id)
                .get("status").asString().equals("COMPLETED"));
        assertThat(federation.centralDb().queryForObject("select count(*) from audit_record where action = "
                + "'DEAD_LETTER_REPLAYED' and actor = ?", Integer.class, operator)).isEqualTo(1);
        screenshot("central-console-replayed");
    }

    @Test
    void central_s_login_should_not_open_central_s_api_to_a_trader_s_session() throws Exception {
        String uscc = newTrader("上海会话测试有限公司");
        logIn(username(uscc), PASSWORD); // leaves a login session at central too, on the way back to the portal
        browser.get(federation.centralUrl() + "/api/v1/ops/links");
        assertThat(browser.findElement(By.tagName("body")).getText()).as("anonymous at central's API")
                .contains("401");
        browser.get(federation.centralUrl() + "/console/");
        wait.until(ExpectedConditions.urlContains(federation.centralUrl() + "/login"));
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

        HttpResponse<String> invalid = federation.submit(SH, federation.token("sh-acme"),
                "{\"documentType\": \"GOODS_DECLARATION\"}");
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);

        logIn(operator, PASSWORD);
        browser.findElement(By.id("ops-link")).click();
        wait.until(ExpectedConditions.urlContains(federation.url(SH) + "/console/"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-discard='" + poison + "']")));
        assertThat(browser.findElement(By.id("portal-link")).isDisplayed()).as("a province's console leads back")
                .isTrue();
        assertThat(browser.findElements(By.cssSelector("[data-link]"))).isNotEmpty();
        assertThat(text("[data-queue='sw.out.central']")).matches("\\d+");
        assertThat(browser.findElements(By.cssSelector("[data-refused=VALIDATION_FAILED]")))
                .as("the refused submission, by its reason").hasSize(1);
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

    /** The sample DecMessage as the trader's, with a fresh client reference. */
    private static String decMessage(String uscc) {
        return new String(StandardSamples.bytes("goods-declaration.xml"), StandardCharsets.UTF_8)
                .replace("91310115MA1H7G0X0M", uscc).replace("ACME-XML-0001", "WEB-XML-" + UUID.randomUUID()
                        .toString().substring(0, 8));
    }

    @Test
    void a_declarant_should_upload_a_decmessage_signed_e_port_style_or_signed_in_the_page_and_see_both_final()
            throws Exception {
        String uscc = newTrader("上海报文测试有限公司");
        Path dir = Files.createTempDirectory("decmessage");
        Path signed = Files.write(dir.resolve("DecMessage-signed.xml"), federation.signers().xmlSignedBy(uscc, decMessage(uscc)));
        Path unsigned = Files.writeString(dir.resolve("DecMessage.xml"), decMessage(uscc));

        logIn(username(uscc), PASSWORD);
        browser.findElement(By.id("new-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("xml-submit")));
        browser.findElement(By.id("xml-file")).sendKeys(signed.toString());
        browser.findElement(By.id("xml-submit")).click();
        String eportSigned = documentShown();
        wait.until(ExpectedConditions.textToBe(By.id("liveness"), "已办结"));
        assertThat(browser.findElements(By.cssSelector("[data-agency=GACC] [data-status=RELEASED]"))).hasSize(1);
        screenshot("portal-decmessage-uploaded");

        browser.findElement(By.id("new-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("xml-submit")));
        chooseSigningFiles("new", uscc);
        browser.findElement(By.id("xml-file")).sendKeys(unsigned.toString());
        browser.findElement(By.id("xml-submit")).click();
        String pageSigned = documentShown();
        wait.until(ExpectedConditions.textToBe(By.id("liveness"), "已办结"));
        assertThat(pageSigned).isNotEqualTo(eportSigned);
        assertThat(signatureAtCustoms(eportSigned)).as("the XML signature travels").startsWith("xmldsig:");
        assertThat(signatureAtCustoms(pageSigned)).as("the page's signature over the mapped document travels")
                .isNotBlank().doesNotStartWith("xmldsig:");
    }

    @Test
    void a_declarant_should_amend_with_the_diff_shown_upload_by_drag_and_drop_and_cancel_in_the_page() {
        String uscc = newTrader("上海修撤单测试有限公司");
        String user = username(uscc);
        var held = Samples.remarks(Samples.declaration(uscc), "SIM:HOLD portal");
        HttpResponse<String> submitted = federation.submit(SH, federation.userToken(user, PASSWORD),
                Samples.json(held));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = Json.MAPPER.readTree(submitted.body()).get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(Federation.agencyStatus(federation
                .declaration(federation.url(SH), federation.userToken(user, PASSWORD), id), "GACC")));

        logIn(user, PASSWORD);
        browser.get(federation.url(SH) + "/portal/#/d/" + id);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("amend-submit")));
        chooseSigningFiles("change", uscc);
        byte[] invoice = TestFiles.pdf("portal invoice " + id);
        browser.executeScript("""
                const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], '发票.pdf', {type: 'application/pdf'}));
                document.getElementById('upload-drop').dispatchEvent(new DragEvent('drop',
                    {dataTransfer: transfer, bubbles: true, cancelable: true}));""",
                java.util.Base64.getEncoder().encodeToString(invoice));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-uploaded='"
                + TestFiles.sm3(invoice) + "']")));
        WebElement bar = browser.findElement(By.cssSelector("progress[data-upload]"));
        assertThat(bar.getAttribute("value")).as("the bar reached its end").isEqualTo(bar.getAttribute("max"));

        browser.executeScript("const t = document.getElementById('amend-document');"
                + "t.value = t.value.replace('SIM:HOLD portal', 'SIM:HOLD portal, corrected');"
                + "t.dispatchEvent(new Event('input'));");
        assertThat(browser.findElement(By.id("amend-submit")).isEnabled()).as("signing waits for the diff").isFalse();
        browser.findElement(By.id("amend-diff-show")).click();
        assertThat(browser.findElements(By.cssSelector("[data-field='data.remarks']"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("[data-field='data.electronicDocuments']"))).hasSize(1);
        screenshot("portal-amendment-diff");
        new Select(browser.findElement(By.id("amend-reason"))).selectByValue("06");
        browser.findElement(By.id("amend-reason-text")).sendKeys("录入差错 entry error");
        browser.findElement(By.id("amend-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-kind=AMENDMENT]"), "APPROVED"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-version='2']")));
        assertThat(browser.findElements(By.cssSelector("[data-attachment='" + TestFiles.sm3(invoice) + "']")))
                .hasSize(1);
        screenshot("portal-amendment-approved");

        chooseSigningFiles("change", uscc);
        new Select(browser.findElement(By.id("cancel-reason"))).selectByValue("05");
        browser.findElement(By.id("cancel-reason-text")).sendKeys("交易取消 deal off");
        browser.findElement(By.id("cancel-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-kind=CANCELLATION]"), "APPROVED"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#document [data-status=CANCELLED]")));
        screenshot("portal-cancelled");
        assertThat(browser.findElements(By.id("changes-closed"))).hasSize(1);
    }

    /** The declarant's signature customs received with a declaration. */
    private String signatureAtCustoms(String id) {
        return Json.MAPPER.readTree(Ministries.callsFor(federation.gacc, id).get(0).getBodyAsString())
                .get("documentSignature").asString();
    }

    @Test
    void a_declarant_should_log_in_sign_and_submit_in_the_page_watch_it_reach_released_live_and_see_statistics() {
        String uscc = newTrader("上海浏览器测试有限公司");
        String user = username(uscc);

        logIn(user, PASSWORD);
        assertThat(text("#node-name")).isNotBlank().isNotEqualTo("国际贸易单一窗口");
        assertThat(text("nav a[href='#/stats']")).isEqualTo("查询统计");
        screenshot("portal-login-dashboard");

        browser.findElement(By.id("new-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-submit")));
        chooseSigningFiles("new", uscc);
        By customs = By.cssSelector("[data-path='data.declarationCustoms']");
        wait.until(ExpectedConditions.presenceOfElementLocated(customs));
        assertThat(browser.findElements(By.cssSelector(
                "datalist[id='codes-data.declarationCustoms'] option[value='22']")))
                .as("customs districts suggested by their prefixes").hasSize(1);
        assertThat(browser.findElement(By.cssSelector("[data-path='data.transportMode'] option[value='2']")).getText())
                .as("codes shown with their labels").startsWith("2 ").contains("水路运输");
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
            id = documentShown();
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
        assertThat(browser.findElements(By.cssSelector("#by-agency-day-chart rect[data-series=GACC]")))
                .as("customs' clearance per day, charted").hasSize(1);
        new Select(browser.findElement(By.name("type"))).selectByValue("GOODS_DECLARATION");
        new Select(browser.findElement(By.name("status"))).selectByValue("COMPLETED");
        new Select(browser.findElement(By.name("agency"))).selectByValue("GACC");
        browser.findElement(By.name("hsCode")).sendKeys("8471");
        browser.findElement(By.cssSelector("#search button")).click();
        wait.until(ExpectedConditions.urlContains("hsCode=8471"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#page a[data-id='" + id + "']")));
        assertThat(text("#total")).isEqualTo("1");
        screenshot("portal-statistics");
        browser.findElement(By.name("hsCode")).clear();
        browser.findElement(By.name("hsCode")).sendKeys("0101");
        browser.findElement(By.cssSelector("#search button")).click();
        wait.until(ExpectedConditions.urlContains("hsCode=0101"));
        wait.until(ExpectedConditions.textToBe(By.id("total"), "0"));
        browser.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h2"), "Query & statistics"));
        screenshot("portal-statistics-english");
    }

    @Test
    void a_declarant_should_delegate_to_a_broker_signed_in_the_page_and_revoke_it() {
        String uscc = newTrader("上海委托测试有限公司");
        String broker = newEnterprise("上海报关行测试有限公司", "BROKER");
        String ops = federation.token("ops-central");
        logIn(username(uscc), PASSWORD);
        browser.findElement(By.id("delegations-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("delegation-submit")));
        assertThat(browser.findElements(By.id("no-delegations"))).hasSize(1);
        chooseSigningFiles("delegation", uscc);
        browser.findElement(By.id("delegation-broker")).sendKeys("not-a-uscc");
        browser.findElement(By.cssSelector("[data-delegate=GOODS_DECLARATION]")).click();
        browser.findElement(By.id("delegation-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("delegation-outcome"), "$.brokerUscc"));

        browser.findElement(By.id("delegation-broker")).clear();
        browser.findElement(By.id("delegation-broker")).sendKeys(broker);
        browser.findElement(By.id("delegation-submit")).click();
        By row = By.cssSelector("[data-broker='" + broker + "']");
        By refusal = By.cssSelector("#delegation-outcome .error");
        wait.until(d -> !d.findElements(row).isEmpty() || !d.findElements(refusal).isEmpty());
        assertThat(browser.findElements(refusal)).as(() -> text("#delegation-outcome")).isEmpty();
        assertThat(text("[data-broker='" + broker + "']")).isEqualTo("IN_FORCE");
        String id = browser.findElement(row).getAttribute("data-delegation");
        JsonNode atCentral = Json.MAPPER.readTree(federation.get(federation.centralUrl() + "/api/v1/delegations/" + id,
                ops).body());
        assertThat(atCentral.get("principalUscc").asString()).isEqualTo(uscc);
        assertThat(atCentral.get("createdBy").asString()).isEqualTo(username(uscc));
        assertThat(atCentral.get("documentTypes").toString()).isEqualTo("[\"GOODS_DECLARATION\"]");
        screenshot("portal-delegations");

        browser.findElement(By.cssSelector("[data-revoke='" + id + "']")).click();
        wait.until(ExpectedConditions.textToBe(row, "REVOKED"));
        assertThat(Json.MAPPER.readTree(federation.get(federation.centralUrl() + "/api/v1/delegations/" + id, ops)
                .body()).get("state").asString()).isEqualTo("REVOKED");
    }

    @Test
    void a_declarant_should_fill_in_sign_and_submit_every_document_type_in_its_generated_form() {
        String uscc = newTrader("上海全单证测试有限公司");
        logIn(username(uscc), PASSWORD);
        Set<String> types = new TreeSet<>();
        String goods = fillInSignAndSubmit("goods-declaration", uscc, Map.of(), types);
        String export = fillInSignAndSubmit("goods-declaration-export", uscc, Map.of(), types);
        for (String sample : List.of("manifest", "transport-means", "licence-application", "origin-certificate",
                "enterprise-qualification")) {
            fillInSignAndSubmit(sample, uscc, Map.of(), types);
        }
        fillInSignAndSubmit("tax-rebate", uscc, Map.of("EXPORT_DECLARATION_ID", export), types);
        fillInSignAndSubmit("tax-payment", uscc, Map.of("GOODS_DECLARATION_ID", goods), types);
        assertThat(types).isEqualTo(Arrays.stream(DocumentType.values()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /**
     * Opens Sign & submit, chooses the sample's document type, types every field of the sample into the form generated
     * for it (adding repeated groups with their buttons), checks that the form wrote exactly the sample, signs it in
     * the page and submits it, and waits for the document page to show it COMPLETED; its id.
     */
    private String fillInSignAndSubmit(String sample, String uscc, Map<String, String> placeholders,
                                       Set<String> types) {
        ObjectNode document = (ObjectNode) Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(
                StandardSamples.load(sample, placeholders)).replace(Samples.ACME_SH, uscc));
        String type = document.get("documentType").asString();
        browser.findElement(By.id("new-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-submit")));
        new Select(browser.findElement(By.id("new-type"))).selectByValue(type);
        wait.until(ExpectedConditions.textToBePresentInElementValue(By.id("new-document"),
                "\"documentType\": \"" + type + "\""));
        chooseSigningFiles("new", uscc);
        document.properties().forEach(field -> {
            if (!field.getKey().equals("documentType")) {
                type(field.getValue(), field.getKey());
            }
        });
        JsonNode written = Json.MAPPER.readTree(browser.findElement(By.id("new-document")).getAttribute("value"));
        assertThat(comparable(written)).as(sample + ": the form wrote the document").isEqualTo(comparable(document));
        if (sample.equals("manifest")) {
            screenshot("portal-form-manifest");
        }
        browser.findElement(By.id("new-submit")).click();
        String id = documentShown();
        wait.until(ExpectedConditions.textToBe(By.id("liveness"), "已办结"));
        assertThat(text("#document p [data-status]")).as(sample).isEqualTo("COMPLETED");
        types.add(type);
        return id;
    }

    /** Types a value of the document at its path in the generated form, as a person would. */
    private void type(JsonNode value, String path) {
        if (value.isObject()) {
            value.properties().forEach(field -> type(field.getValue(), path + "." + field.getKey()));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                if (browser.findElements(By.cssSelector("[data-list='" + path + "'] > fieldset")).size() <= i) {
                    browser.findElement(By.cssSelector("[data-add='" + path + "']")).click();
                }
                type(value.get(i), path + "[" + i + "]");
            }
        } else if (!value.asString().isEmpty()) {
            WebElement input = browser.findElement(By.cssSelector("[data-path='" + path + "']"));
            if (input.getTagName().equals("select")) {
                new Select(input).selectByValue(value.asString());
            } else {
                input.clear();
                input.sendKeys(value.asString());
            }
        }
    }

    /** A document as the form writes it: empty strings left out, numbers by value. */
    private static JsonNode comparable(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = Json.MAPPER.createObjectNode();
            node.properties().forEach(field -> {
                if (!(field.getValue().isString() && field.getValue().asString().isEmpty())) {
                    copy.set(field.getKey(), comparable(field.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            node.forEach(item -> copy.add(comparable(item)));
            return copy;
        }
        return node.isNumber() ? Json.MAPPER.getNodeFactory().numberNode(node.decimalValue().stripTrailingZeros())
                : node;
    }
}

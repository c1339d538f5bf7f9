package org.singlewindow.federation.attachments;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.Ministries;
import org.singlewindow.federation.support.Samples;
import org.singlewindow.federation.support.SharedFederation;
import org.singlewindow.federation.support.StandardDeclarations;
import org.singlewindow.federation.support.TestFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * A declarant uploads an invoice and a contract, names them in a goods declaration and signs it: the files cross to
 * central in pieces ahead of the document and go on to customs (every code) and licensing (contracts only); the
 * declarant and those agencies' officers can download what they may, each download audited, anyone else gets 404.
 * Uploads that are not what they claim, empty, truncated, active PDFs or badly named are refused, nothing kept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class AttachmentTest {

    private static final String PASSWORD = "correct horse battery";

    private Federation federation;
    private StandardDeclarations declarations;

    @BeforeAll
    void start(Federation shared) {
        federation = shared;
        declarations = new StandardDeclarations(shared);
    }

    @Test
    void a_declaration_with_two_attachments_should_bring_each_file_to_exactly_the_agencies_granted_it() {
        byte[] invoice = TestFiles.pdf("invoice " + ThreadLocalRandom.current().nextLong());
        byte[] contract = TestFiles.image("png", ThreadLocalRandom.current().nextInt());
        JsonNode invoiceUp = Json.MAPPER.readTree(upload("sh-acme", "00000001", "发票 invoice.pdf",
                "application/pdf", invoice).body());
        HttpResponse<String> contractResponse = upload("sh-acme", "00000004", "contract.png", "image/png", contract);
        assertThat(contractResponse.statusCode()).as(contractResponse.body()).isEqualTo(201);
        assertThat(invoiceUp.get("id").asString()).isEqualTo(TestFiles.sm3(invoice));
        assertThat(upload("sh-acme", "00000001", "again.pdf", "application/pdf", invoice).statusCode())
                .as("the same bytes again").isEqualTo(200);

        ObjectNode document = Samples.declaration(Samples.ACME_SH);
        var edocs = ((ObjectNode) document.get("data")).putArray("electronicDocuments");
        edocs.addObject().put("id", TestFiles.sm3(invoice)).put("code", "00000001").put("fileName", "invoice.pdf");
        edocs.addObject().put("id", TestFiles.sm3(contract)).put("code", "00000004").put("fileName", "contract.png");
        String id = declarations.submitted(document, "sh-acme");
        declarations.awaitFinal(id);

        await().atMost(Duration.ofSeconds(30)).until(() -> files("GACC").size() >= 2
                && !files("MOFCOM").isEmpty());
        assertThat(delivered("GACC", TestFiles.sm3(invoice))).isEqualTo(invoice);
        assertThat(delivered("GACC", TestFiles.sm3(contract))).isEqualTo(contract);
        assertThat(delivered("MOFCOM", TestFiles.sm3(contract))).isEqualTo(contract);
        assertThat(files("MOFCOM").stream().map(r -> r.getHeader("X-SW-Attachment-Id")))
                .as("licensing never gets the invoice").doesNotContain(TestFiles.sm3(invoice));
        assertThat(Stream.of("MSA", "NIA", "STA").flatMap(a -> files(a).stream()))
                .isEmpty();

        assertThat(download(federation.url(SH), "sh-acme", id, TestFiles.sm3(invoice)).body()).isEqualTo(invoice);
        String mofcomOfficer = officer("MOFCOM");
        assertThat(download(federation.centralUrl(), mofcomOfficer, id, TestFiles.sm3(contract)).body())
                .isEqualTo(contract);
        assertThat(download(federation.centralUrl(), mofcomOfficer, id, TestFiles.sm3(invoice)).statusCode())
                .isEqualTo(404);
        assertThat(download(federation.centralUrl(), officer("GACC"), id, TestFiles.sm3(invoice)).body())
                .isEqualTo(invoice);
        assertThat(download(federation.url(SH), "sh-other", id, TestFiles.sm3(invoice)).statusCode()).isEqualTo(404);
        assertThat(federation.db(SH).queryForObject("select count(*) from audit_record where action = "
                + "'ATTACHMENT_DOWNLOADED' and subject = ?", Integer.class, id)).isOne();
        assertThat(federation.centralDb().queryForObject("select count(*) from audit_record where action = "
                + "'ATTACHMENT_DOWNLOADED' and subject = ?", Integer.class, id)).isEqualTo(2);
    }

    @Test
    void a_document_naming_a_file_that_is_not_an_upload_of_its_declarant_should_be_refused() {
        byte[] others = TestFiles.pdf("not yours " + ThreadLocalRandom.current().nextLong());
        assertThat(upload("sh-other", "00000001", "x.pdf", "application/pdf", others).statusCode()).isEqualTo(201);
        ObjectNode document = Samples.declaration(Samples.ACME_SH);
        ((ObjectNode) document.get("data")).putArray("electronicDocuments").addObject()
                .put("id", TestFiles.sm3(others)).put("code", "00000001");
        HttpResponse<String> refused = federation.submit(SH, federation.token("sh-acme"), Samples.json(document));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(Json.MAPPER.readTree(refused.body()).get("errors").findValuesAsString("path"))
                .contains("$.data.electronicDocuments[0].id");
    }

    @Test
    void uploads_that_are_not_what_they_claim_or_carry_active_content_should_be_refused_and_nothing_kept()
            throws Exception {
        int before = federation.db(SH).queryForObject("select count(*) from attachment", Integer.class);
        byte[] png = TestFiles.image("png", 7);
        assertRefused(upload("sh-acme", "00000001", "a.pdf", "application/pdf", png), 400, "NOT_THE_CLAIMED_TYPE",
                "$.content");
        assertRefused(upload("sh-acme", "00000001", "a.pdf", "application/pdf", TestFiles.pdfWithJavaScript()), 400,
                "PDF_ACTIVE_CONTENT", "$.content");
        assertRefused(upload("sh-acme", "00000001", "a.pdf", "application/pdf", TestFiles.pdfWithLaunchAction()),
                400, "PDF_ACTIVE_CONTENT", "$.content");
        assertRefused(upload("sh-acme", "00000001", "a.pdf", "application/pdf", TestFiles.pdfWithEmbeddedFile()),
                400, "PDF_ACTIVE_CONTENT", "$.content");
        assertRefused(upload("sh-acme", "00000001", "a.pdf", "application/pdf",
                TestFiles.truncated(TestFiles.pdf("cut"))), 400, "NOT_THE_CLAIMED_TYPE", "$.content");
        assertRefused(upload("sh-acme", "00000001", "a.png", "image/png", TestFiles.truncated(png)), 400,
                "NOT_THE_CLAIMED_TYPE", "$.content");
        assertRefused(upload("sh-acme", "00000001", "a.jpg", "image/jpeg",
                TestFiles.truncated(TestFiles.image("jpg", 5))), 400, "NOT_THE_CLAIMED_TYPE", "$.content");
        assertRefused(upload("sh-acme", "00000001", "a.pdf", "application/pdf", new byte[0]), 400, "EMPTY_FILE",
                "$.content");
        assertRefused(upload("sh-acme", "00000001", "../../etc/passwd.pdf", "application/pdf", TestFiles.pdf("n")),
                400, "VALIDATION_FAILED", "$.name");
        assertRefused(upload("sh-acme", "00000001", "bell\u0007.pdf", "application/pdf", TestFiles.pdf("n")), 400,
                "VALIDATION_FAILED", "$.name");
        assertRefused(upload("sh-acme", "99999999", "a.pdf", "application/pdf", TestFiles.pdf("n")), 400,
                "VALIDATION_FAILED", "$.code");
        assertRefused(upload("sh-acme", "00000001", "a.exe", "application/octet-stream", new byte[]{'M', 'Z'}), 415,
                "UNSUPPORTED_MEDIA_TYPE", null);
        byte[] large = new byte[21 * 1024 * 1024];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, large, 0, 5);
        assertRefused(upload("sh-acme", "00000001", "big.pdf", "application/pdf", large), 413,
                "ATTACHMENT_TOO_LARGE", null);
        assertThat(federation.db(SH).queryForObject("select count(*) from attachment", Integer.class))
                .isEqualTo(before);
        try (Stream<Path> left = Files.list(federation.dir.resolve(SH).resolve("attachments/incoming"))) {
            assertThat(left).as("no temporary file left behind").isEmpty();
        }
    }

    private HttpResponse<String> upload(String client, String code, String name, String type, byte[] bytes) {
        return federation.send(HttpRequest.newBuilder(URI.create(federation.url(SH) + "/api/v1/attachments?code="
                        + code + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + federation.token(client)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    private HttpResponse<byte[]> download(String node, String client, String id, String sm3) {
        String token = client.contains("-officer-") ? federation.userToken(client, PASSWORD) : federation.token(client);
        try {
            return federation.http().send(HttpRequest.newBuilder(URI.create(node + "/api/v1/declarations/" + id
                            + "/attachments/" + sm3)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String officer(String agency) {
        String username = agency.toLowerCase() + "-officer-" + ThreadLocalRandom.current().nextInt(1_000_000);
        HttpResponse<String> created = federation.post(federation.centralUrl() + "/api/v1/users",
                federation.token("ops-central"), "application/json", Json.MAPPER.writeValueAsString(Map.of(
                        "username", username, "password", PASSWORD, "role", "AGENCY_OFFICER", "agency", agency)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return username;
    }

    /** The files an agency's simulator received. */
    private List<LoggedRequest> files(String agency) {
        return federation.ministries.get(agency).findAll(postRequestedFor(urlPathEqualTo(
                Ministries.AGENCY_PATHS.get(agency) + "/attachments")));
    }

    private byte[] delivered(String agency, String sm3) {
        return files(agency).stream().filter(r -> sm3.equals(r.getHeader("X-SW-Attachment-Id"))).findFirst()
                .orElseThrow().getBody();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code, String path) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = Json.MAPPER.readTree(response.body());
        assertThat(problem.get("code").asString()).as(response.body()).isEqualTo(code);
        assertThat(problem.get("detailZh").asString()).isNotBlank();
        if (path != null) {
            assertThat(problem.get("errors").findValuesAsString("path")).contains(path);
        }
    }
}

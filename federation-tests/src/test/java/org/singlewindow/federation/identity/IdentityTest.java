package org.singlewindow.federation.identity;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.contracts.codes.Uscc;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Browser;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.Samples;
import org.singlewindow.federation.support.SharedFederation;
import org.singlewindow.federation.support.StandardSamples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.singlewindow.federation.support.Federation.SH;
import static org.singlewindow.federation.support.ProblemAssert.assertProblem;
import static org.singlewindow.federation.support.ProblemAssert.errors;

/**
 * Unified identity: enterprises register once at central with their certificate, users log in at a provincial
 * portal through central (OpenID Connect, code + PKCE), brokers declare under delegations (委托授权), agency
 * officers see their agency's subset, and every refusal is a 403 (or 400) with a reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class IdentityTest {

    private static final String PASSWORD = "correct horse battery";

    private Federation federation;

    @BeforeAll
    void start(Federation shared) {
        federation = shared;
    }

    @Test
    void an_enterprise_should_register_once_with_a_signature_by_its_own_certificate() {
        String uscc = newEnterprise("上海注册测试有限公司");
        String other = newEnterprise("上海另一注册测试有限公司");
        String body = registration(uscc, "TRADER", "reg-" + uscc.toLowerCase());
        int before = enterprises();

        assertProblem(federation.post(federation.centralUrl() + "/api/v1/enterprises", null, "application/json",
                body, null), 400, "SIGNATURE_MISSING");
        assertProblem(federation.post(federation.centralUrl() + "/api/v1/enterprises", null, "application/json",
                body, federation.signers().signatureBy(other, body)), 400, "SIGNER_MISMATCH");
        assertProblem(federation.post(federation.centralUrl() + "/api/v1/enterprises", null, "application/json",
                body, federation.signers().signatureBy(uscc, body.replace("TRADER", "BROKER"))), 400, "SIGNATURE_INVALID");
        String bad = registration(uscc.substring(0, 17) + (uscc.endsWith("0") ? "1" : "0"), "SHIPOWNER", "X");
        assertThat(errors(assertProblem(federation.post(federation.centralUrl() + "/api/v1/enterprises", null,
                "application/json", bad, federation.signers().signatureBy(uscc, bad)), 400, "VALIDATION_FAILED")))
                .containsExactlyInAnyOrder("$.uscc USCC_INVALID", "$.kind CODE_UNKNOWN",
                        "$.users[0].username FORMAT_INVALID");
        assertThat(enterprises()).isEqualTo(before);

        HttpResponse<String> created = federation.post(federation.centralUrl() + "/api/v1/enterprises", null,
                "application/json", body, federation.signers().signatureBy(uscc, body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode view = Json.MAPPER.readTree(created.body());
        assertThat(view.get("certSha256").asString()).hasSize(64);
        assertThat(view.get("users").get(0).asString()).isEqualTo("reg-" + uscc.toLowerCase());
        assertThat(created.body()).doesNotContain(PASSWORD);
        assertProblem(federation.post(federation.centralUrl() + "/api/v1/enterprises", null, "application/json",
                body, federation.signers().signatureBy(uscc, body)), 409, "ENTERPRISE_REGISTERED");
        assertThat(enterprises()).isEqualTo(before + 1);
    }

    @Test
    void a_portal_user_should_log_in_at_a_provincial_node_through_central_with_pkce_and_use_the_session() {
        String uscc = newEnterprise("上海门户测试有限公司");
        String user = "portal-" + uscc.toLowerCase();
        assertThat(federation.register(uscc, "上海门户测试有限公司", "TRADER", user, PASSWORD).statusCode()).isEqualTo(201);

        Browser browser = new Browser();
        HttpResponse<String> me = browser.browse(federation.url(SH) + "/portal/me", user, PASSWORD, null);
        assertThat(me.statusCode()).as(me.body() + " " + browser.visited).isEqualTo(200);
        String authorize = browser.visited.stream().filter(u -> u.contains("/oauth2/authorize?")).findFirst()
                .orElseThrow();
        assertThat(authorize).startsWith(federation.centralUrl());
        Map<String, String> request = Browser.query(authorize);
        assertThat(request).containsEntry("client_id", "portal-" + SH).containsEntry("code_challenge_method", "S256")
                .containsKey("code_challenge").containsKey("nonce");
        assertThat(request.get("scope")).contains("openid");
        JsonNode who = Json.MAPPER.readTree(me.body());
        assertThat(who.get("username").asString()).isEqualTo(user);
        assertThat(who.get("uscc").asString()).isEqualTo(uscc);
        assertThat(who.get("roles").toString()).contains("DECLARANT");

        ObjectNode document = Samples.declaration(uscc);
        String json = Json.MAPPER.writeValueAsString(document);
        String signature = federation.signers().signatureBy(uscc, json);
        assertProblem(browser.post(federation.url(SH) + "/api/v1/declarations", "application/json", json,
                Map.of("X-SW-Signature", signature)), 403, "CSRF_TOKEN_INVALID");
        HttpResponse<String> accepted = browser.post(federation.url(SH) + "/api/v1/declarations", "application/json",
                json, Map.of("X-SW-Signature", signature, who.get("csrfHeader").asString(),
                        who.get("csrfToken").asString()));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = Json.MAPPER.readTree(accepted.body()).get("id").asString();
        assertThat(browser.get(federation.url(SH) + "/api/v1/declarations/" + id).statusCode()).isEqualTo(200);
        assertThat(federation.centralDb().queryForObject("select count(*) from audit_record where actor = ? and "
                + "action = 'LOGIN'", Integer.class, user)).isEqualTo(1);
    }

    @Test
    void a_disabled_user_should_lose_a_portal_session_at_its_next_check_with_central_and_not_log_in_again() {
        String uscc = newEnterprise("上海停用测试有限公司");
        String user = "disable-" + uscc.toLowerCase();
        assertThat(federation.register(uscc, "上海停用测试有限公司", "TRADER", user, PASSWORD).statusCode()).isEqualTo(201);
        Browser browser = new Browser();
        assertThat(browser.browse(federation.url(SH) + "/portal/me", user, PASSWORD, null).statusCode()).isEqualTo(200);
        assertThat(browser.get(federation.url(SH) + "/portal/me").statusCode()).isEqualTo(200);

        String disable = federation.centralUrl() + "/api/v1/users/" + user + "/disable";
        assertProblem(federation.post(disable, federation.token("sh-acme"), "application/json", ""), 403,
                "ROLE_REQUIRED");
        var disabled = federation.post(disable, federation.token("ops-central"), "application/json", "");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertProblem(
                browser.get(federation.url(SH) + "/portal/me"), 401, "LOGIN_REVOKED"));
        Browser again = new Browser();
        again.browse(federation.url(SH) + "/portal/me", user, PASSWORD, null);
        assertThat(again.visited.get(again.visited.size() - 1)).as("a disabled user cannot log in")
                .contains("/login?error");
        assertThat(federation.centralDb().queryForObject("select count(*) from audit_record where action = "
                + "'USER_DISABLED' and subject = ?", Integer.class, user)).isEqualTo(1);
    }

    @Test
    void central_should_refuse_a_portal_login_without_pkce_or_with_a_wrong_password() {
        String uscc = newEnterprise("上海PKCE测试有限公司");
        String user = "pkce-" + uscc.toLowerCase();
        assertThat(federation.register(uscc, "上海PKCE测试有限公司", "TRADER", user, PASSWORD).statusCode()).isEqualTo(201);
        String redirect = federation.url(SH) + "/login/oauth2/code/central";
        Browser browser = new Browser();
        browser.browse(federation.centralUrl() + "/oauth2/authorize?" + Browser.form(Map.of("response_type", "code",
                "client_id", "portal-" + SH, "scope", "openid", "redirect_uri", redirect, "state", "s")),
                user, PASSWORD, redirect);
        String last = browser.visited.get(browser.visited.size() - 1);
        assertThat(Browser.query(last)).containsEntry("error", "invalid_request").doesNotContainKey("code");

        Browser wrong = new Browser();
        HttpResponse<String> refused = wrong.browse(federation.url(SH) + "/portal/me", user, "not the password",
                null);
        assertThat(wrong.visited.get(wrong.visited.size() - 1)).contains("/login?error");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(federation.centralDb().queryForObject("select count(*) from audit_record where actor = ? and "
                + "action = 'LOGIN_FAILED'", Integer.class, user)).isEqualTo(1);

        Browser client = new Browser();
        client.browse(federation.url(SH) + "/portal/me", "gacc-sim", "dev-gacc-secret", null);
        assertThat(client.visited.get(client.visited.size() - 1)).as("an API client's secret is no portal password")
                .contains("/login?error");
        String other = newEnterprise("上海保留名测试有限公司");
        assertProblem(federation.register(other, "上海保留名测试有限公司", "TRADER", "sh-acme", PASSWORD), 409,
                "USERNAME_TAKEN");
    }

    @Test
    void a_broker_should_declare_for_an_enterprise_only_under_a_delegation_in_force_and_revoking_it_stops_it_at_once() {
        String principal = newEnterprise("上海委托测试进出口有限公司");
        String broker = newEnterprise("上海委托测试报关有限公司");
        String principalUser = "p-" + principal.toLowerCase();
        String brokerUser = "b-" + broker.toLowerCase();
        assertThat(federation.register(principal, "上海委托测试进出口有限公司", "TRADER", principalUser, PASSWORD)
                .statusCode()).isEqualTo(201);
        assertThat(federation.register(broker, "上海委托测试报关有限公司", "BROKER", brokerUser, PASSWORD)
                .statusCode()).isEqualTo(201);
        String principalToken = federation.userToken(principalUser, PASSWORD);
        String brokerToken = federation.userToken(brokerUser, PASSWORD);
        int before = stored();

        assertProblem(brokerSubmits(brokerToken, broker, Samples.declaration(principal)), 403, "DELEGATION_MISSING");

        String delegation = delegate(principalToken, principal, broker, List.of("GOODS_DECLARATION"));
        String[] signedRequest = lastDelegation;
        assertProblem(federation.post(federation.centralUrl() + "/api/v1/delegations", brokerToken,
                "application/json", delegationBody(principal, broker, List.of("GOODS_DECLARATION")), null), 403,
                "USCC_MISMATCH");

        ObjectNode document = Samples.declaration(principal);
        HttpResponse<String> accepted = brokerSubmits(brokerToken, broker, document);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode view = Json.MAPPER.readTree(accepted.body());
        assertThat(view.get("declarantUscc").asString()).isEqualTo(principal);
        assertThat(view.get("submittedBy").asString()).isEqualTo(broker);
        String id = view.get("id").asString();
        assertThat(federation.db(SH).queryForObject("select delegation_id from declaration where id = ?",
                String.class, id)).isEqualTo(delegation);

        ObjectNode licence = StandardSamples.load("licence-application");
        ((ObjectNode) licence.get("declarant")).put("uscc", principal);
        assertProblem(brokerSubmits(brokerToken, broker, licence), 403, "DOCUMENT_TYPE_NOT_DELEGATED");
        String json = Json.MAPPER.writeValueAsString(Samples.declaration(principal));
        assertProblem(federation.post(federation.url(SH) + "/api/v1/declarations", brokerToken, "application/json",
                json, federation.signers().signatureBy(principal, json)), 400, "SIGNER_MISMATCH");

        JsonNode done = awaitFinal(brokerToken, id);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.has("document")).isTrue();
        ServeEvent atCustoms = federation.gacc.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getBodyAsString().contains(id)).findFirst().orElseThrow();
        JsonNode customs = Json.MAPPER.readTree(atCustoms.getRequest().getBodyAsString());
        assertThat(customs.get("submittedBy").asString()).isEqualTo(broker);
        assertThat(customs.get("document").get("declarant").get("uscc").asString()).isEqualTo(principal);
        assertThat(federation.get(federation.url(SH) + "/api/v1/declarations/" + id, principalToken).statusCode())
                .isEqualTo(200);
        assertThat(federation.get(federation.url(SH) + "/api/v1/declarations?size=100", principalToken).body())
                .contains(id);
        assertThat(federation.get(federation.url(SH) + "/api/v1/declarations?size=100", brokerToken).body())
                .contains(id);
        assertProblem(federation.get(federation.url(SH) + "/api/v1/declarations/" + id,
                federation.token("sh-other")), 403, "NOT_YOUR_DOCUMENT");

        assertProblem(federation.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        federation.centralUrl() + "/api/v1/delegations/" + delegation))
                .header("Authorization", "Bearer " + brokerToken).DELETE().build()), 403, "NOT_YOUR_DELEGATION");
        HttpResponse<String> revoked = federation.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        federation.centralUrl() + "/api/v1/delegations/" + delegation))
                .header("Authorization", "Bearer " + principalToken).DELETE().build());
        assertThat(Json.MAPPER.readTree(revoked.body()).get("state").asString()).isEqualTo("REVOKED");
        int afterAccepted = stored();
        assertProblem(brokerSubmits(brokerToken, broker, Samples.declaration(principal)), 403, "DELEGATION_REVOKED");
        assertProblem(federation.post(federation.centralUrl() + "/api/v1/delegations", principalToken,
                "application/json", signedRequest[0], signedRequest[1]), 409, "REPLAYED");
        assertProblem(brokerSubmits(brokerToken, broker, Samples.declaration(principal)), 403, "DELEGATION_REVOKED");
        assertThat(stored()).isEqualTo(afterAccepted).isEqualTo(before + 1);
        assertThat(federation.centralDb().queryForList("select action from audit_record where subject = ?",
                String.class, delegation)).containsExactly("DELEGATED", "DELEGATION_REVOKED");
    }

    @Test
    void a_document_signed_with_another_certificate_than_the_registered_one_should_be_refused_until_it_is_bound() {
        String uscc = newEnterprise("上海证书绑定测试有限公司");
        String user = "c-" + uscc.toLowerCase();
        assertThat(federation.register(uscc, "上海证书绑定测试有限公司", "TRADER", user, PASSWORD).statusCode())
                .isEqualTo(201);
        String token = federation.userToken(user, PASSWORD);
        federation.signers().issueEnterprise(uscc, "上海证书绑定测试有限公司");
        assertProblem(federation.submit(SH, token, Json.MAPPER.writeValueAsString(Samples.declaration(uscc))), 400,
                "CERTIFICATE_NOT_REGISTERED");

        String rebind = federation.centralUrl() + "/api/v1/enterprises/" + uscc + "/certificate";
        String body = Json.MAPPER.writeValueAsString(Map.of("uscc", uscc, "nonce", nonce(),
                "issuedAt", Instant.now().toString()));
        assertProblem(put(rebind, federation.token("sh-other"), body, federation.signers().signatureBy(uscc, body)), 403,
                "NOT_YOUR_ENTERPRISE");
        String stale = Json.MAPPER.writeValueAsString(Map.of("uscc", uscc, "nonce", nonce(),
                "issuedAt", Instant.now().minus(Duration.ofHours(1)).toString()));
        assertThat(errors(assertProblem(put(rebind, token, stale, federation.signers().signatureBy(uscc, stale)), 400,
                "VALIDATION_FAILED"))).contains("$.issuedAt REQUEST_STALE");
        HttpResponse<String> bound = put(rebind, token, body, federation.signers().signatureBy(uscc, body));
        assertThat(bound.statusCode()).as(bound.body()).isEqualTo(200);
        assertProblem(put(rebind, token, body, federation.signers().signatureBy(uscc, body)), 409, "REPLAYED");
        String renewed = federation.userToken(user, PASSWORD);
        HttpResponse<String> accepted = federation.submit(SH, renewed,
                Json.MAPPER.writeValueAsString(Samples.declaration(uscc)));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(federation.centralDb().queryForList("select action from audit_record where subject = ?",
                String.class, uscc)).containsExactly("ENTERPRISE_REGISTERED", "CERTIFICATE_BOUND");
    }

    private HttpResponse<String> put(String url, String token, String body, String signature) {
        return federation.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("X-SW-Signature", signature).PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void an_agency_officer_should_see_only_declarations_routed_to_its_agency_and_only_its_data_subset() {
        String officer = officer("MOFCOM");
        String elsewhere = officer("STA");
        assertProblem(federation.post(federation.centralUrl() + "/api/v1/users", federation.token("sh-acme"),
                "application/json", "{}"), 403, "ROLE_REQUIRED");

        HttpResponse<String> accepted = federation.submit(SH, federation.token("sh-acme"),
                Json.MAPPER.writeValueAsString(Samples.declaration(Samples.ACME_SH)));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = Json.MAPPER.readTree(accepted.body()).get("id").asString();
        String token = federation.userToken(officer, PASSWORD);
        String atCentral = federation.centralUrl() + "/api/v1/declarations/" + id;
        await().atMost(Duration.ofSeconds(30)).until(() -> federation.get(atCentral, token).statusCode() == 200);
        JsonNode seen = Json.MAPPER.readTree(federation.get(atCentral, token).body());
        assertThat(seen.get("agencies").valueStream().map(a -> a.get("agency").asString()).toList())
                .containsExactly("MOFCOM");
        JsonNode document = seen.get("document");
        assertThat(document.get("data").get("items").get(0).get("hsCode").asString()).isEqualTo("8471300000");
        assertThat(document.toString()).doesNotContain("COSU6263821470", "unitPrice", "ACME Corp");
        assertThat(seen.get("timeline")).isEmpty();
        assertProblem(federation.get(atCentral, federation.userToken(elsewhere, PASSWORD)), 403, "NOT_YOUR_AGENCY");
        assertProblem(federation.get(atCentral + "/events", token), 403, "NOT_YOUR_EVENTS");
    }

    @Test
    void operators_should_see_metadata_only_unless_granted_document_reading_and_every_read_should_be_audited() {
        String plain = "ops-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String reader = "reader-" + ThreadLocalRandom.current().nextInt(1_000_000);
        createUser(Map.of("username", plain, "password", PASSWORD, "role", "CENTRAL_OPERATOR"));
        createUser(Map.of("username", reader, "password", PASSWORD, "role", "CENTRAL_OPERATOR",
                "grants", List.of("DOCUMENT_READER")));
        assertThat(errors(assertProblem(federation.post(federation.centralUrl() + "/api/v1/users",
                federation.token("ops-central"), "application/json", Json.MAPPER.writeValueAsString(Map.of(
                        "username", "officer-with-grant", "password", PASSWORD, "role", "AGENCY_OFFICER",
                        "agency", "GACC", "grants", List.of("DOCUMENT_READER")))), 400, "VALIDATION_FAILED")))
                .containsExactly("$.grants CODE_UNKNOWN");

        HttpResponse<String> accepted = federation.submit(SH, federation.token("sh-acme"),
                Json.MAPPER.writeValueAsString(Samples.declaration(Samples.ACME_SH)));
        String id = Json.MAPPER.readTree(accepted.body()).get("id").asString();
        String atCentral = federation.centralUrl() + "/api/v1/declarations/" + id;
        String plainToken = federation.userToken(plain, PASSWORD);
        await().atMost(Duration.ofSeconds(30)).until(() -> federation.get(atCentral, plainToken).statusCode() == 200);
        assertThat(Json.MAPPER.readTree(federation.get(atCentral, plainToken).body()).has("document")).isFalse();
        JsonNode read = Json.MAPPER.readTree(federation.get(atCentral, federation.userToken(reader, PASSWORD)).body());
        assertThat(read.get("document").get("declarant").get("uscc").asString()).isEqualTo(Samples.ACME_SH);
        assertThat(federation.centralDb().queryForList("select actor from audit_record where action = 'DOCUMENT_READ' "
                + "and subject = ?", String.class, id)).containsExactly(reader);
    }

    private void createUser(Map<String, Object> body) {
        HttpResponse<String> created = federation.post(federation.centralUrl() + "/api/v1/users",
                federation.token("ops-central"), "application/json", Json.MAPPER.writeValueAsString(body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /** A new agency officer, created by a central operator. */
    private String officer(String agency) {
        String username = agency.toLowerCase() + "-officer-" + ThreadLocalRandom.current().nextInt(1_000_000);
        createUser(Map.of("username", username, "password", PASSWORD, "role", "AGENCY_OFFICER", "agency", agency));
        return username;
    }

    @Test
    void a_client_beyond_its_rate_should_get_429_with_retry_after() {
        String uscc = newEnterprise("上海限流测试有限公司");
        assertThat(federation.register(uscc, "上海限流测试有限公司", "TRADER", Federation.RATE_LIMITED_USER, PASSWORD)
                .statusCode()).isEqualTo(201);
        String token = federation.userToken(Federation.RATE_LIMITED_USER, PASSWORD);
        assertThat(federation.get(federation.url(SH) + "/api/v1/declarations", token).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = federation.get(federation.url(SH) + "/api/v1/declarations", token);
        assertProblem(limited, 429, "RATE_LIMITED");
        assertThat(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 10);
        assertThat(federation.get(federation.url(SH) + "/api/v1/declarations", federation.token("sh-acme"))
                .statusCode()).isEqualTo(200);
    }

    /** A USCC no other test uses, with a certificate from the test CA. */
    private String newEnterprise(String name) {
        String first17 = "91310115MA" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        String uscc = first17 + Uscc.checkCharacter(first17);
        federation.signers().issueEnterprise(uscc, name);
        return uscc;
    }

    private static String registration(String uscc, String kind, String username) {
        return Json.MAPPER.writeValueAsString(Map.of("uscc", uscc, "name", "测试企业", "kind", kind,
                "users", List.of(Map.of("username", username, "password", PASSWORD))));
    }

    private static String delegationBody(String principal, String broker, List<String> types) {
        return Json.MAPPER.writeValueAsString(Map.of("principalUscc", principal, "brokerUscc", broker,
                "documentTypes", types, "validUntil", Instant.now().plus(Duration.ofDays(1)).toString(),
                "nonce", nonce(), "issuedAt", Instant.now().toString()));
    }

    /** A fresh nonce for a signed request. */
    private static String nonce() {
        return java.util.UUID.randomUUID().toString().replace("-", "");
    }

    /** The signed body and signature of the last delegation {@link #delegate} created. */
    private String[] lastDelegation;

    private String delegate(String token, String principal, String broker, List<String> types) {
        String body = delegationBody(principal, broker, types);
        assertProblem(federation.post(federation.centralUrl() + "/api/v1/delegations", token, "application/json",
                body, null), 400, "SIGNATURE_MISSING");
        String signature = federation.signers().signatureBy(principal, body);
        lastDelegation = new String[]{body, signature};
        HttpResponse<String> created = federation.post(federation.centralUrl() + "/api/v1/delegations", token,
                "application/json", body, signature);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode view = Json.MAPPER.readTree(created.body());
        assertThat(view.get("state").asString()).isEqualTo("IN_FORCE");
        return view.get("id").asString();
    }

    private HttpResponse<String> brokerSubmits(String token, String broker, ObjectNode document) {
        String json = Json.MAPPER.writeValueAsString(document);
        return federation.post(federation.url(SH) + "/api/v1/declarations", token, "application/json", json,
                federation.signers().signatureBy(broker, json));
    }

    private JsonNode awaitFinal(String token, String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = federation.declaration(federation.url(SH), token, id);
            return last[0].get("status").asString().matches("COMPLETED|REJECTED");
        });
        return last[0];
    }

    private int stored() {
        return federation.db(SH).queryForObject("select count(*) from declaration", Integer.class);
    }

    private int enterprises() {
        return federation.centralDb().queryForObject("select count(*) from enterprise", Integer.class);
    }
}

package org.singlewindow.federation.drafts;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.federation.support.Federation;
import org.singlewindow.federation.support.Samples;
import org.singlewindow.federation.support.SharedFederation;
import org.singlewindow.federation.support.StandardDeclarations;
import org.singlewindow.federation.support.StandardSamples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.singlewindow.federation.support.Federation.SH;

/**
 * A trader prepares a declaration over several sittings: the draft is kept incomplete with what is missing named
 * field by field, found again in the list, saved over (a stale save refused), and submitted with its signature,
 * after which it is gone. A template copies an earlier declaration less its own reference, numbers and dates.
 * Another enterprise sees none of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedFederation.class)
class DraftTest {

    private Federation federation;
    private StandardDeclarations declarations;

    @BeforeAll
    void start(Federation shared) {
        federation = shared;
        declarations = new StandardDeclarations(shared);
    }

    @Test
    void a_draft_should_be_kept_incomplete_resumed_saved_over_and_submitted_once_complete() {
        ObjectNode complete = Samples.declaration(Samples.ACME_SH);
        ObjectNode partial = complete.deepCopy();
        ((ObjectNode) partial.get("data")).remove("tradeMode");
        ((ObjectNode) partial.get("data")).remove("items");
        HttpResponse<String> created = post("/api/v1/drafts", "sh-acme", partial, null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode draft = Json.MAPPER.readTree(created.body());
        String id = draft.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/drafts/" + id);
        assertThat(draft.get("revision").asInt()).isEqualTo(1);
        assertThat(draft.get("problems").findValuesAsString("path")).contains("$.data.tradeMode", "$.data.items");

        JsonNode listed = Json.MAPPER.readTree(get("/api/v1/drafts", "sh-acme").body());
        assertThat(listed.findValuesAsString("id")).contains(id);
        assertThat(get("/api/v1/drafts/" + id, "sh-acme").body()).contains("\"revision\":1");

        HttpResponse<String> saved = put(id, "sh-acme", complete, "\"1\"");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(saved.body()).get("problems")).isEmpty();
        assertThat(Json.MAPPER.readTree(saved.body()).get("revision").asInt()).isEqualTo(2);
        HttpResponse<String> stale = put(id, "sh-acme", partial, "\"1\"");
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(stale.body()).contains("DRAFT_CHANGED");

        HttpResponse<String> unsigned = post("/api/v1/drafts/" + id + "/submission", "sh-acme", null, null);
        assertThat(unsigned.statusCode()).as("refused as any unsigned submission, and the draft kept")
                .isEqualTo(400);
        assertThat(get("/api/v1/drafts/" + id, "sh-acme").statusCode()).isEqualTo(200);
        HttpResponse<String> submitted = post("/api/v1/drafts/" + id + "/submission", "sh-acme", null,
                federation.signers().signature(complete));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        declarations.awaitFinal(Json.MAPPER.readTree(submitted.body()).get("id").asString());
        assertThat(get("/api/v1/drafts/" + id, "sh-acme").statusCode()).as("gone once submitted").isEqualTo(404);
    }

    @Test
    void a_template_should_copy_an_earlier_declaration_less_its_reference_numbers_dates_and_files() {
        ObjectNode earlier = Samples.declaration(Samples.ACME_SH);
        String declarationId = declarations.submitted(earlier, "sh-acme");
        HttpResponse<String> copied = post("/api/v1/declarations/" + declarationId + "/template", "sh-acme", null,
                null);
        assertThat(copied.statusCode()).as(copied.body()).isEqualTo(201);
        JsonNode template = Json.MAPPER.readTree(copied.body());
        JsonNode document = template.get("document");
        assertThat(document.has("clientReference")).isFalse();
        assertThat(document.get("data").has("billOfLading")).isFalse();
        assertThat(document.get("data").get("consigneeConsignor")).isEqualTo(earlier.get("data")
                .get("consigneeConsignor"));
        assertThat(document.get("data").get("items")).isEqualTo(earlier.get("data").get("items"));
        assertThat(template.get("problems").findValuesAsString("path")).as("what the trader fills in anew")
                .contains("$.clientReference");
        assertThat(post("/api/v1/declarations/" + declarationId + "/template", "sh-other", null, null).statusCode())
                .as("not a party to it").isIn(403, 404);
    }

    @Test
    void goods_items_should_come_from_a_csv_table_and_a_table_with_a_bad_row_should_change_nothing() {
        HttpResponse<String> created = post("/api/v1/drafts", "sh-acme", Samples.declaration(Samples.ACME_SH), null);
        String id = Json.MAPPER.readTree(created.body()).get("id").asString();
        String header = "seq,hsCode,name,quantity,unit,unitPrice,totalPrice,originCountry\n";
        HttpResponse<String> refused = items(id, header + "1,8471300000,便携式计算机,10,001,1200,12000,USA\n"
                + "2,84713,平板电脑,ten,001,250,1000,VNM\n");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = Json.MAPPER.readTree(refused.body());
        assertThat(problem.get("code").asString()).isEqualTo("ITEMS_INVALID");
        assertThat(problem.get("errors").findValuesAsString("path")).contains("rows[3].quantity");
        assertThat(Json.MAPPER.readTree(get("/api/v1/drafts/" + id, "sh-acme").body()).get("revision").asInt())
                .as("nothing changed").isEqualTo(1);

        HttpResponse<String> taken = items(id, header + "1,8471300000,便携式计算机,10,001,1200,12000,USA\n"
                + "2,8471300000,平板电脑,4,001,250,1000,VNM\n" + "3,8471300000,键盘,20,001,5,100,CHN\n");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        JsonNode draft = Json.MAPPER.readTree(taken.body());
        assertThat(draft.get("document").get("data").get("items")).hasSize(3);
        assertThat(draft.get("revision").asInt()).isEqualTo(2);
    }

    @Test
    void a_goods_declaration_should_be_prefilled_from_a_manifests_bill_and_a_rebate_only_from_a_released_export() {
        ObjectNode manifest = StandardSamples.load("manifest");
        manifest.put("clientReference", "MF-" + java.util.UUID.randomUUID().toString().substring(0, 12));
        String manifestId = declarations.submitted(manifest, "sh-acme");
        HttpResponse<String> prefilled = post("/api/v1/drafts/prefill?from=" + manifestId
                + "&to=GOODS_DECLARATION&pick=COSU6263821470", "sh-acme", null, null);
        assertThat(prefilled.statusCode()).as(prefilled.body()).isEqualTo(201);
        JsonNode data = Json.MAPPER.readTree(prefilled.body()).get("document").get("data");
        assertThat(data.get("billOfLading").asString()).isEqualTo("COSU6263821470");
        assertThat(data.get("voyageNo").asString()).isEqualTo("045E");
        assertThat(data.get("packages").asInt()).isEqualTo(12);
        assertThat(data.get("containers").get(0).get("number").asString()).isEqualTo("CSQU3054383");

        HttpResponse<String> noSuchBill = post("/api/v1/drafts/prefill?from=" + manifestId
                + "&to=GOODS_DECLARATION&pick=NOPE", "sh-acme", null, null);
        assertThat(noSuchBill.statusCode()).as(noSuchBill.body()).isEqualTo(422);
        assertThat(Json.MAPPER.readTree(noSuchBill.body()).get("errors").findValuesAsString("path")).contains("pick");
        String importId = declarations.submitted(Samples.declaration(Samples.ACME_SH), "sh-acme");
        HttpResponse<String> fromImport = post("/api/v1/drafts/prefill?from=" + importId + "&to=TAX_REBATE",
                "sh-acme", null, null);
        assertThat(fromImport.statusCode()).as(fromImport.body()).isEqualTo(422);
        assertThat(fromImport.body()).contains("PREFILL_NOT_APPLICABLE");
    }

    @Test
    void another_enterprise_should_neither_see_nor_change_nor_delete_a_draft() {
        HttpResponse<String> created = post("/api/v1/drafts", "sh-acme", Samples.declaration(Samples.ACME_SH), null);
        String id = Json.MAPPER.readTree(created.body()).get("id").asString();
        assertThat(get("/api/v1/drafts/" + id, "sh-other").statusCode()).isEqualTo(404);
        assertThat(put(id, "sh-other", Samples.declaration(Samples.ACME_SH), null).statusCode()).isEqualTo(404);
        assertThat(delete(id, "sh-other").statusCode()).isEqualTo(404);
        assertThat(Json.MAPPER.readTree(get("/api/v1/drafts", "sh-other").body()).findValuesAsString("id"))
                .doesNotContain(id);
        HttpResponse<String> forOther = post("/api/v1/drafts", "sh-other", Samples.declaration(Samples.ACME_SH), null);
        assertThat(forOther.statusCode()).as(forOther.body()).isEqualTo(403);
        assertThat(forOther.body()).contains("USCC_MISMATCH");

        assertThat(delete(id, "sh-acme").statusCode()).isEqualTo(204);
        assertThat(get("/api/v1/drafts/" + id, "sh-acme").statusCode()).isEqualTo(404);
    }

    @Test
    void a_draft_without_a_known_document_type_or_not_an_object_should_be_refused_naming_the_field() {
        ObjectNode untyped = Samples.declaration(Samples.ACME_SH);
        untyped.put("documentType", "SHOPPING_LIST");
        HttpResponse<String> refused = post("/api/v1/drafts", "sh-acme", untyped, null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(refused.body()).get("errors").findValuesAsString("path"))
                .contains("$.documentType");
        HttpResponse<String> array = federation.post(federation.url(SH) + "/api/v1/drafts", federation.token("sh-acme"),
                "application/json", "[1, 2]", null);
        assertThat(array.statusCode()).as(array.body()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(array.body()).get("detailZh").asString()).isNotBlank();
    }

    private HttpResponse<String> post(String path, String client, JsonNode body, String signature) {
        return federation.post(federation.url(SH) + path, federation.token(client), "application/json",
                body == null ? "" : Json.MAPPER.writeValueAsString(body), signature);
    }

    private HttpResponse<String> get(String path, String client) {
        return federation.get(federation.url(SH) + path, federation.token(client));
    }

    private HttpResponse<String> put(String id, String client, JsonNode body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(federation.url(SH) + "/api/v1/drafts/" + id))
                .header("Authorization", "Bearer " + federation.token(client))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return federation.send(request.build());
    }

    private HttpResponse<String> items(String id, String csv) {
        return federation.send(HttpRequest.newBuilder(URI.create(federation.url(SH) + "/api/v1/drafts/" + id + "/items"))
                .header("Authorization", "Bearer " + federation.token("sh-acme")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    private HttpResponse<String> delete(String id, String client) {
        return federation.send(HttpRequest.newBuilder(URI.create(federation.url(SH) + "/api/v1/drafts/" + id))
                .header("Authorization", "Bearer " + federation.token(client)).DELETE().build());
    }
}

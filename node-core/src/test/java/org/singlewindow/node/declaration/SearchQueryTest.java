package org.singlewindow.node.declaration;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.json.Json;
import org.singlewindow.node.refusal.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Search parameters are checked one by one, and a wrong one is named. */
class SearchQueryTest {

    @Test
    void good_parameters_should_make_a_filter_with_china_days() {
        DeclarationFilter filter = new SearchQuery("MANIFEST", "COMPLETED", "GACC", "2026-12-03", "2026-12-03",
                "R-1", "8471").filter();
        assertThat(filter).isEqualTo(new DeclarationFilter(null, "MANIFEST", "COMPLETED", "GACC",
                Instant.parse("2026-12-02T16:00:00Z"), Instant.parse("2026-12-03T16:00:00Z"), "R-1", "8471"));
        assertThat(new SearchQuery(null, "", null, null, null, null, null).filter())
                .isEqualTo(new DeclarationFilter(null, null, null, null, null, null, null, null));
    }

    @Test
    void a_bad_parameter_should_be_refused_by_name() {
        for (String[] bad : new String[][] {{"type", "DOCUMENT"}, {"status", "DONE"}, {"agency", "FBI"},
                {"from", "yesterday"}, {"hsCode", "84%"}, {"hsCode", "8"}, {"reference", "x".repeat(65)}}) {
            SearchQuery query = new SearchQuery(bad[0].equals("type") ? bad[1] : null,
                    bad[0].equals("status") ? bad[1] : null, bad[0].equals("agency") ? bad[1] : null,
                    bad[0].equals("from") ? bad[1] : null, null, bad[0].equals("reference") ? bad[1] : null,
                    bad[0].equals("hsCode") ? bad[1] : null);
            assertThatThrownBy(query::filter).isInstanceOfSatisfying(Refusal.class, e -> {
                assertThat(e.detailEn()).startsWith("parameter '" + bad[0] + "' must be");
                assertThat(e.detailZh()).startsWith("参数 " + bad[0] + " 应为");
            });
        }
    }

    @Test
    void the_hs_codes_of_a_documents_goods_should_be_kept_once_each() {
        assertThat(DeclarationStore.hsCodes(Json.MAPPER.readTree("""
                {"data": {"items": [{"hsCode": "8471300000"}, {"hsCode": "8471300000"}, {"hsCode": "85%"},
                 {"hsCode": "0101210010"}, {}]}}"""))).containsExactly("0101210010", "8471300000");
        assertThat(DeclarationStore.hsCodes(Json.MAPPER.readTree("{\"data\": {}}"))).isEmpty();
    }
}

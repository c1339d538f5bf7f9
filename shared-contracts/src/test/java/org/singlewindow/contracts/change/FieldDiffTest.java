package org.singlewindow.contracts.change;

import org.junit.jupiter.api.Test;
import org.singlewindow.contracts.json.Json;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class FieldDiffTest {

    private static JsonNode json(String text) {
        return Json.MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void names_changed_added_and_removed_values_at_their_deepest_path() {
        JsonNode before = json("{'data':{'remarks':'a','items':[{'hsCode':'1','qty':1}],'gone':'x'}}");
        JsonNode after = json("{'data':{'remarks':'b','items':[{'hsCode':'2','qty':1},{'hsCode':'3'}],'new':1}}");
        assertThat(FieldDiff.changed(before, after))
                .containsExactly("data.remarks", "data.items[0].hsCode", "data.items[1]", "data.new", "data.gone");
    }

    @Test
    void identical_versions_change_nothing() {
        JsonNode doc = json("{'a':{'b':[1,2]},'c':null}");
        assertThat(FieldDiff.changed(doc, doc.deepCopy())).isEmpty();
        assertThat(FieldDiff.changed(json("{'c':null}"), json("{}"))).isEmpty();
    }

    @Test
    void a_value_that_changes_kind_is_named_whole() {
        assertThat(FieldDiff.changed(json("{'a':{'b':1}}"), json("{'a':'text'}"))).containsExactly("a");
    }
}

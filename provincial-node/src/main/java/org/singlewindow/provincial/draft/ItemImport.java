package org.singlewindow.provincial.draft;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.singlewindow.contracts.declaration.Violation;
import org.singlewindow.contracts.directory.DataElement;
import org.singlewindow.contracts.directory.Directory;
import org.singlewindow.contracts.directory.DocumentDefinition;
import org.singlewindow.contracts.directory.Field;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Goods items from a table into a draft, all or nothing: each column is an item field, named as the directory names
 * it ({@code hsCode}) or by its data element's Chinese name ({@code 商品编号}); numbers become numbers; the draft's
 * items are replaced. Every problem is named by its row and field ({@code rows[3].hsCode}, with its column): an
 * unknown column, a formula, a value that is not a number, and whatever the directory's checks find in the new
 * items. Pure.
 */
final class ItemImport {

    private static final Pattern ITEM_PATH = Pattern.compile("^\\$\\.data\\.items\\[(\\d+)]\\.?(.*)$");

    private ItemImport() {
    }

    /** The new document, or the problems that keep the table out. */
    record Result(ObjectNode document, List<Violation> problems) {
    }

    static Result apply(Directory directory, DocumentDefinition definition, ObjectNode document, ItemSheet sheet) {
        Field.Repeat items = definition.field("data.items").filter(Field.Repeat.class::isInstance)
                .map(Field.Repeat.class::cast).orElse(null);
        if (items == null) {
            return new Result(null, List.of(new Violation("$.data.items", "NO_ITEMS", "此类单证没有货物表体",
                    "a " + definition.nameEn() + " has no goods items")));
        }
        List<Violation> problems = new ArrayList<>();
        Map<Integer, Field> columns = columns(directory, items, sheet.header(), problems);
        ArrayNode rows = document.arrayNode();
        List<ItemSheet.Line> lines = sheet.lines();
        for (ItemSheet.Line line : lines) {
            ObjectNode item = rows.addObject();
            for (int i = 0; i < line.cells().size(); i++) {
                Field field = columns.get(i);
                ItemSheet.Value cell = line.cells().get(i);
                if (field == null || cell.text().isBlank()) {
                    continue;
                }
                String path = "rows[" + line.number() + "]." + field.name();
                if (cell.formula()) {
                    problems.add(new Violation(path, "FORMULA_NOT_ACCEPTED", "不接受公式，请填写数值（" + cell.column()
                            + " 列）", "formulas are not taken: enter the value (column " + cell.column() + ")"));
                    continue;
                }
                put(item, field, directory.element(field.elementId()), cell, path, problems);
            }
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        ObjectNode updated = document.deepCopy();
        ObjectNode data = updated.get("data") instanceof ObjectNode d ? d : updated.putObject("data");
        data.set("items", rows);
        for (Violation v : directory.validator().validate(updated, Set.of())) {
            Matcher m = ITEM_PATH.matcher(v.path());
            if (m.matches()) {
                ItemSheet.Line line = lines.get(Integer.parseInt(m.group(1)));
                problems.add(new Violation("rows[" + line.number() + "]" + (m.group(2).isEmpty() ? ""
                        : "." + m.group(2)), v.code(), v.messageZh(), v.messageEn(), v.elementId()));
            } else if (v.path().equals("$.data.items")) {
                problems.add(v);
            }
        }
        return problems.isEmpty() ? new Result(updated, List.of()) : new Result(null, problems);
    }

    private static Map<Integer, Field> columns(Directory directory, Field.Repeat items, List<String> header,
                                               List<Violation> problems) {
        Map<String, Field> byName = new HashMap<>();
        for (Field field : items.children()) {
            byName.put(field.name().toLowerCase(), field);
            DataElement element = field.elementId() == null ? null : directory.element(field.elementId());
            if (element != null && element.nameZh() != null) {
                byName.putIfAbsent(element.nameZh(), field);
            }
        }
        Map<Integer, Field> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                continue;
            }
            Field field = byName.getOrDefault(name.toLowerCase(), byName.get(name));
            String column = org.apache.poi.ss.util.CellReference.convertNumToColString(i);
            if (field == null || field.children().size() > 0) {
                problems.add(new Violation("rows[1]." + name, "UNKNOWN_COLUMN", "货物表体没有此栏目（" + column + " 列）",
                        "goods items have no field " + name + " (column " + column + ")"));
            } else if (columns.containsValue(field)) {
                problems.add(new Violation("rows[1]." + name, "DUPLICATE_COLUMN", "栏目重复（" + column + " 列）",
                        field.name() + " is named twice (column " + column + ")"));
            } else {
                columns.put(i, field);
            }
        }
        return columns;
    }

    private static void put(ObjectNode item, Field field, DataElement element, ItemSheet.Value cell, String path,
                            List<Violation> problems) {
        String text = cell.text().trim();
        DataElement.ElementType type = element == null ? DataElement.ElementType.TEXT : element.type();
        if (type != DataElement.ElementType.DECIMAL && type != DataElement.ElementType.INTEGER) {
            item.put(field.name(), text);
            return;
        }
        try {
            BigDecimal number = new BigDecimal(text);
            if (type == DataElement.ElementType.INTEGER) {
                item.put(field.name(), number.toBigIntegerExact());
            } else {
                item.put(field.name(), number);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new Violation(path, "NOT_A_NUMBER", "须为" + (type == DataElement.ElementType.INTEGER
                    ? "整数" : "数字") + "（" + cell.column() + " 列）", "must be a " + (type
                    == DataElement.ElementType.INTEGER ? "whole number" : "number") + " (column " + cell.column() + ")"));
        }
    }
}

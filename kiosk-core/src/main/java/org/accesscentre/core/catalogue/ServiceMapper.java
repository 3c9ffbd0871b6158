package org.accesscentre.core.catalogue;

import static org.accesscentre.core.catalogue.CatalogueReader.ID;
import static org.accesscentre.core.catalogue.CatalogueReader.ID_RULE;
import static org.accesscentre.core.catalogue.CatalogueReader.MAX_FIELDS;
import static org.accesscentre.core.catalogue.CatalogueReader.MAX_OPTIONS;
import static org.accesscentre.core.catalogue.CatalogueReader.MAX_PARAGRAPH;
import static org.accesscentre.core.catalogue.CatalogueReader.MAX_TITLE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.accesscentre.core.catalogue.CatalogueReader.Texts;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.json.Node;
import org.jspecify.annotations.Nullable;

/** Maps one service of a catalogue file, with its form, checking every reference as it goes. */
final class ServiceMapper {
    private final Node node;
    private final Texts texts;
    private final Set<String> categories;
    private final Set<String> agencies;
    private final Map<String, ChoiceList> lists;

    ServiceMapper(Node node, Texts texts, Set<String> categories, Set<String> agencies, Map<String, ChoiceList> lists) {
        this.node = node;
        this.texts = texts;
        this.categories = categories;
        this.agencies = agencies;
        this.lists = lists;
    }

    Service map(Set<String> seenIds) throws JsonInputException {
        node.allowOnly(Set.of("id", "version", "category", "agency", "fee", "text", "fields"));
        String id = CatalogueReader.id(node, seenIds, "service");
        seenIds.add(id);
        int version = node.required("version").asInt(1, Integer.MAX_VALUE);
        String category = node.text("category");
        if (!categories.contains(category)) {
            throw node.error("category", "there is no category '" + Node.clip(category) + "'");
        }
        String agency = node.text("agency");
        if (!agencies.contains(agency)) {
            throw node.error("agency", "there is no agency '" + Node.clip(agency) + "'");
        }
        Fee fee = node.has("fee") ? fee(node.required("fee")) : null;

        Map<String, ServiceText> text = new LinkedHashMap<>();
        Node textNode = node.required("text");
        Map<String, Node> byLocale = textNode.entries(20);
        for (String locale : texts.locales()) {
            Node t = byLocale.get(locale);
            if (t == null) {
                throw textNode.error(
                        locale, "is missing: every service needs texts in each of the catalogue's locales");
            }
            text.put(locale, serviceText(t));
        }
        if (textNode.strict()) {
            for (String locale : byLocale.keySet()) {
                if (!text.containsKey(locale)) {
                    throw textNode.error(
                            locale, "locale '" + Node.clip(locale) + "' is not in the catalogue's locales");
                }
            }
        }

        List<Field> fields = new ArrayList<>();
        for (Node f : node.elements("fields", MAX_FIELDS)) {
            fields.add(field(f, fields));
        }
        if (fields.isEmpty()) {
            throw node.error("fields", "a service needs at least one question");
        }
        return new Service(id, version, category, agency, fee, text, fields);
    }

    private static Fee fee(Node n) throws JsonInputException {
        n.allowOnly(Set.of("amount", "currency", "payAt"));
        Node amountNode = n.required("amount");
        BigDecimal amount = amountNode.isText() ? decimal(amountNode) : amountNode.asDecimal();
        if (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(new BigDecimal("1000000")) > 0) {
            throw amountNode.error("must be an amount from 0 to 1000000 with at most 2 decimals, such as \"25.00\"");
        }
        String currency = CatalogueReader.currency(n.required("currency"));
        String payAt = n.optionalText("payAt").orElse("desk");
        Fee.PayAt where = switch (payAt) {
            case "desk" -> Fee.PayAt.DESK;
            case "agency" -> Fee.PayAt.AGENCY;
            default -> throw n.error("payAt", "must be 'desk' or 'agency', not '" + Node.clip(payAt) + "'");
        };
        return new Fee(amount.movePointRight(2).longValueExact(), currency, where);
    }

    private static BigDecimal decimal(Node n) throws JsonInputException {
        String text = n.asText();
        try {
            return new BigDecimal(text.length() > 40 ? "x" : text);
        } catch (NumberFormatException e) {
            throw n.error("'" + Node.clip(text) + "' is not a number");
        }
    }

    private ServiceText serviceText(Node n) throws JsonInputException {
        n.allowOnly(Set.of("title", "summary", "whatYouNeed", "fee", "processingTime", "confirmation", "keywords"));
        List<String> need = new ArrayList<>();
        for (Node item : n.elements("whatYouNeed", 30)) {
            need.add(item.asText(MAX_TITLE));
        }
        List<String> keywords = new ArrayList<>();
        if (n.has("keywords")) {
            for (Node item : n.elements("keywords", 50)) {
                keywords.add(item.asText(60));
            }
        }
        return new ServiceText(
                n.required("title").asText(MAX_TITLE),
                n.required("summary").asText(MAX_PARAGRAPH),
                need,
                n.required("fee").asText(MAX_TITLE),
                n.required("processingTime").asText(MAX_TITLE),
                n.required("confirmation").asText(MAX_PARAGRAPH),
                keywords);
    }

    private Field field(Node n, List<Field> earlier) throws JsonInputException {
        n.allowOnly(
                Set.of("id", "type", "label", "hint", "example", "rules", "showIf", "options", "list", "dependsOn"));
        String id = n.required("id").asId(s -> ID.matcher(s).matches(), ID_RULE);
        if (earlier.stream().anyMatch(f -> f.id().equals(id))) {
            throw n.error("id", "there is already a question with id '" + id + "' in this service");
        }
        Node typeNode = n.required("type");
        String typeName = typeNode.asText();
        FieldType type = FieldType.fromJson(typeName)
                .orElseThrow(() -> typeNode.error(
                        "unknown type '" + Node.clip(typeName) + "'; the types are " + FieldType.allJsonNames()));

        LocalizedText label = texts.of(n, "label", MAX_TITLE);
        LocalizedText hint = n.has("hint") ? texts.of(n, "hint", MAX_PARAGRAPH) : null;
        LocalizedText example = n.has("example") ? texts.of(n, "example", MAX_TITLE) : null;
        Rules rules = n.has("rules") ? new RulesMapper(n.required("rules"), type).map() : Rules.NONE;
        ShowIf showIf = n.has("showIf") ? showIf(n.required("showIf"), earlier) : null;

        List<Option> options = List.of();
        if (type == FieldType.SINGLE_CHOICE || type == FieldType.MULTI_CHOICE) {
            options = CatalogueReader.options(n.required("options"), texts, MAX_OPTIONS, false);
        } else if (n.has("options")) {
            throw n.error("options", "only single_choice and multi_choice questions have options");
        }
        if (type == FieldType.MULTI_CHOICE) {
            checkChoiceCounts(n, rules, options.size());
        }

        String list = null;
        String dependsOn = null;
        if (type == FieldType.LIST_CHOICE) {
            list = n.text("list");
            if (!lists.containsKey(list)) {
                throw n.error("list", "there is no list '" + Node.clip(list) + "' in the catalogue's lists");
            }
            dependsOn = n.optionalText("dependsOn").orElse(null);
            if (dependsOn != null) {
                String parentId = dependsOn;
                Optional<Field> parent =
                        earlier.stream().filter(f -> f.id().equals(parentId)).findFirst();
                if (parent.isEmpty() || parent.get().type() != FieldType.LIST_CHOICE) {
                    throw n.error(
                            "dependsOn",
                            "must name an earlier list_choice question, not '" + Node.clip(parentId) + "'");
                }
                checkEveryParentHasEntries(n, lists.get(parent.get().list()), lists.get(list));
            }
        } else if (n.has("list") || n.has("dependsOn")) {
            throw n.error(n.has("list") ? "list" : "dependsOn", "only list_choice questions use a list");
        }
        return new Field(id, type, label, hint, example, rules, showIf, options, list, dependsOn);
    }

    /** Whatever the citizen picks in the parent list, the dependent list must offer something. */
    private static void checkEveryParentHasEntries(Node n, ChoiceList parents, ChoiceList children)
            throws JsonInputException {
        if (parents == children) {
            throw n.error("dependsOn", "a list cannot depend on itself");
        }
        for (Option parent : parents.entries()) {
            if (children.entries().stream().noneMatch(c -> parent.value().equals(c.parent()))) {
                throw n.error(
                        "list",
                        "list '" + children.id() + "' has no entry whose parent is '" + parent.value()
                                + "', so a citizen who picks it could not answer");
            }
        }
    }

    private static void checkChoiceCounts(Node n, Rules rules, int optionCount) throws JsonInputException {
        Integer max = rules.maxChoices();
        if (max != null && max > optionCount) {
            throw n.error("rules", "maxChoices is " + max + " but there are only " + optionCount + " options");
        }
    }

    private ShowIf showIf(Node n, List<Field> earlier) throws JsonInputException {
        n.allowOnly(Set.of("field", "is", "has"));
        String fieldId = n.text("field");
        Field target = earlier.stream()
                .filter(f -> f.id().equals(fieldId))
                .findFirst()
                .orElseThrow(() -> n.error(
                        "field", "must name an earlier question of this service, not '" + Node.clip(fieldId) + "'"));
        boolean is = n.has("is");
        if (is == n.has("has")) {
            throw n.error("give exactly one of 'is' or 'has'");
        }
        Node valueNode = n.required(is ? "is" : "has");
        String value = valueNode.isBoolean() ? (valueNode.asBoolean() ? "yes" : "no") : valueNode.asText();
        if (!is && target.type() != FieldType.MULTI_CHOICE) {
            throw n.error("has", "'has' applies to multi_choice questions; use 'is' for '" + fieldId + "'");
        }
        if (is && target.type() == FieldType.MULTI_CHOICE) {
            throw n.error("is", "'" + fieldId + "' is a multi_choice question; use 'has'");
        }
        checkComparable(valueNode, target, value, lists);
        return new ShowIf(fieldId, is ? ShowIf.Test.IS : ShowIf.Test.HAS, value);
    }

    private static void checkComparable(Node valueNode, Field target, String value, Map<String, ChoiceList> lists)
            throws JsonInputException {
        switch (target.type()) {
            case LIST_CHOICE -> {
                if (lists.get(target.list()).entry(value).isEmpty()) {
                    throw valueNode.error("'" + Node.clip(value) + "' is not an entry of list '" + target.list() + "'");
                }
            }
            case SINGLE_CHOICE, MULTI_CHOICE -> {
                if (target.option(value).isEmpty()) {
                    throw valueNode.error("'" + Node.clip(value) + "' is not an option of '" + target.id() + "'");
                }
            }
            case YES_NO, CONSENT -> {
                if (!value.equals("yes") && !value.equals("no")) {
                    throw valueNode.error(
                            "a yes/no question's answer is true or false, not '" + Node.clip(value) + "'");
                }
            }
            case SIGNATURE -> throw valueNode.error("a question cannot depend on a signature");
            default -> {
                // text, numbers and dates compare as written (numbers by value)
            }
        }
    }

    static @Nullable Integer optionalInt(Node n, String name, int min, int max) throws JsonInputException {
        return n.has(name) ? n.required(name).asInt(min, max) : null;
    }
}

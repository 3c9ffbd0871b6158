package org.accesscentre.core.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.json.JsonInputException;
import org.accesscentre.core.json.JsonLimits;
import org.accesscentre.core.json.Node;

/**
 * Reads a catalogue file and checks it as a whole: ids are unique, every reference points at something that
 * exists, every declared locale is complete, and every rule fits its field. The first problem found is
 * refused with the path to the bad element.
 *
 * <p>{@link #strict()} refuses unknown properties: the ICT office's tools use it, so a misspelt rule is an
 * error rather than silently ignored. Kiosks read {@link #lenient()}, so a newer catalogue's additions do
 * not stop an older app (bundles carry a minimum app version for changes that matter).
 */
public final class CatalogueReader {
    public static final int FORMAT = 1;

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    static final String ID_RULE = "use 1 to 64 lower-case letters, digits, '-' or '_'";
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    static final int MAX_SERVICES = 500;
    static final int MAX_FIELDS = 100;
    static final int MAX_OPTIONS = 200;
    static final int MAX_LIST_ENTRIES = 10_000;
    static final int MAX_TITLE = 200;
    static final int MAX_PARAGRAPH = 4_000;

    private final boolean strict;

    private CatalogueReader(boolean strict) {
        this.strict = strict;
    }

    public static CatalogueReader strict() {
        return new CatalogueReader(true);
    }

    public static CatalogueReader lenient() {
        return new CatalogueReader(false);
    }

    public Catalogue read(Path file) throws JsonInputException {
        String source = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, source);
        } catch (NoSuchFileException e) {
            throw new JsonInputException(source, "", "no such file");
        } catch (IOException e) {
            throw new JsonInputException(source, "", "could not be read: " + e.getMessage());
        }
    }

    public Catalogue read(InputStream in, String source) throws JsonInputException {
        JsonNode tree = Json.readTree(in, source, JsonLimits.CATALOGUE);
        return map(Node.root(tree, source, strict));
    }

    private Catalogue map(Node root) throws JsonInputException {
        root.allowOnly(Set.of("format", "version", "locales", "categories", "agencies", "lists", "services"));
        long format = root.integer("format", 1, Integer.MAX_VALUE);
        if (format != FORMAT) {
            throw root.error("format", "this kiosk reads catalogue format " + FORMAT + ", not " + format);
        }
        long version = root.integer("version", 1, Long.MAX_VALUE);

        List<String> locales = new ArrayList<>();
        for (Node n : root.elements("locales", 20)) {
            String locale = n.asText();
            if (!LOCALE.matcher(locale).matches()) {
                throw n.error("'" + Node.clip(locale) + "' is not a locale code such as en, fr or acf");
            }
            if (locales.contains(locale)) {
                throw n.error("locale '" + locale + "' is listed twice");
            }
            locales.add(locale);
        }
        if (locales.isEmpty()) {
            throw root.error("locales", "must name at least one locale");
        }
        Texts texts = new Texts(locales);

        Map<String, Category> categories = new LinkedHashMap<>();
        for (Node n : root.elements("categories", 100)) {
            n.allowOnly(Set.of("id", "icon", "title", "description"));
            String id = id(n, categories.keySet(), "category");
            String icon = n.required("icon").asId(s -> ID.matcher(s).matches(), ID_RULE);
            categories.put(
                    id,
                    new Category(id, icon, texts.of(n, "title", MAX_TITLE), texts.of(n, "description", MAX_PARAGRAPH)));
        }

        Map<String, Agency> agencies = new LinkedHashMap<>();
        for (Node n : root.elements("agencies", 200)) {
            n.allowOnly(Set.of("id", "name"));
            String id = id(n, agencies.keySet(), "agency");
            agencies.put(id, new Agency(id, texts.of(n, "name", MAX_TITLE)));
        }

        Map<String, ChoiceList> lists = new LinkedHashMap<>();
        if (root.has("lists")) {
            for (Map.Entry<String, Node> e : root.required("lists").entries(50).entrySet()) {
                String id = e.getKey();
                if (!ID.matcher(id).matches()) {
                    throw e.getValue().error("'" + Node.clip(id) + "' is not a valid list id: " + ID_RULE);
                }
                lists.put(id, new ChoiceList(id, options(e.getValue(), texts, MAX_LIST_ENTRIES, true)));
            }
        }
        checkListParents(root, lists);

        List<Service> services = new ArrayList<>();
        Set<String> serviceIds = new HashSet<>();
        for (Node n : root.elements("services", MAX_SERVICES)) {
            services.add(new ServiceMapper(n, texts, categories.keySet(), agencies.keySet(), lists).map(serviceIds));
        }
        return new Catalogue(
                version, locales, List.copyOf(categories.values()), List.copyOf(agencies.values()), lists, services);
    }

    /** A list entry's parent must be an entry of some other list (a community's district). */
    private static void checkListParents(Node root, Map<String, ChoiceList> lists) throws JsonInputException {
        for (ChoiceList list : lists.values()) {
            Set<String> otherValues = new HashSet<>();
            lists.values().stream()
                    .filter(l -> l != list)
                    .forEach(l -> l.entries().forEach(o -> otherValues.add(o.value())));
            for (int i = 0; i < list.entries().size(); i++) {
                String parent = list.entries().get(i).parent();
                if (parent != null && !otherValues.contains(parent)) {
                    throw root.error(
                            "lists." + list.id() + "[" + i + "].parent",
                            "'" + Node.clip(parent) + "' is not an entry of any other list");
                }
            }
        }
    }

    static String id(Node n, Set<String> seen, String what) throws JsonInputException {
        String id = n.required("id").asId(s -> ID.matcher(s).matches(), ID_RULE);
        if (seen.contains(id)) {
            throw n.error("id", "there is already a " + what + " with id '" + id + "'");
        }
        return id;
    }

    static List<Option> options(Node array, Texts texts, int max, boolean withParent) throws JsonInputException {
        List<Option> out = new ArrayList<>();
        Set<String> values = new HashSet<>();
        for (Node n : array.elements(max)) {
            n.allowOnly(withParent ? Set.of("value", "label", "parent") : Set.of("value", "label"));
            String value = n.required("value").asId(s -> ID.matcher(s).matches(), ID_RULE);
            if (!values.add(value)) {
                throw n.error("value", "the value '" + value + "' is listed twice");
            }
            String parent = withParent ? n.optionalText("parent").orElse(null) : null;
            out.add(new Option(value, texts.of(n, "label", MAX_TITLE), parent));
        }
        if (out.isEmpty()) {
            throw array.error("must have at least one entry");
        }
        return out;
    }

    static String currency(Node n) throws JsonInputException {
        String c = n.asText();
        if (!CURRENCY.matcher(c).matches()) {
            throw n.error("'" + Node.clip(c) + "' is not an ISO 4217 currency code such as XCD");
        }
        return c;
    }

    /** Reads localized texts and insists every declared locale is present. */
    static final class Texts {
        private final List<String> locales;

        Texts(List<String> locales) {
            this.locales = locales;
        }

        List<String> locales() {
            return locales;
        }

        LocalizedText of(Node parent, String name, int maxLength) throws JsonInputException {
            return of(parent.required(name), maxLength);
        }

        LocalizedText of(Node n, int maxLength) throws JsonInputException {
            Map<String, String> byLocale = new LinkedHashMap<>();
            Map<String, Node> entries = n.entries(20);
            for (String locale : locales) {
                Node text = entries.get(locale);
                if (text == null) {
                    throw n.error(
                            locale,
                            "is missing: every text needs each of the catalogue's locales "
                                    + String.join(", ", locales));
                }
                byLocale.put(locale, text.asText(maxLength));
            }
            if (n.strict()) {
                for (Map.Entry<String, Node> e : entries.entrySet()) {
                    if (!byLocale.containsKey(e.getKey())) {
                        throw e.getValue()
                                .error("locale '" + Node.clip(e.getKey()) + "' is not in the catalogue's locales");
                    }
                }
            }
            return new LocalizedText(byLocale);
        }
    }
}

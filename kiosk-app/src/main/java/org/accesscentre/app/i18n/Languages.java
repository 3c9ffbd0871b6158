package org.accesscentre.app.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.accesscentre.core.catalogue.Catalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The languages a kiosk offers: those its configuration lists that have both UI words (built in, or a
 * {@code strings/<locale>.properties} file that arrived with a catalogue bundle) and catalogue texts. English
 * and French are built in; the ICT office adds a language such as Kwéyòl with no rebuild.
 */
public final class Languages {
    private static final Logger LOG = LoggerFactory.getLogger(Languages.class);
    private static final String BUILT_IN = "/org/accesscentre/app/i18n/strings";
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");
    /** A strings file is small; anything larger is a mistake or an attack. */
    static final long MAX_FILE_BYTES = 256 * 1024;

    private final Map<String, Strings> byLocale;

    private Languages(Map<String, Strings> byLocale) {
        this.byLocale = byLocale;
    }

    /**
     * @param wanted the configuration's locales, first the default
     * @param extra folders of {@code <locale>.properties} files; a later folder wins
     */
    public static Languages load(List<String> wanted, Catalogue catalogue, List<Path> extra) {
        Properties english = builtIn("");
        Map<String, Strings> found = new LinkedHashMap<>();
        for (String locale : wanted) {
            if (!LOCALE.matcher(locale).matches() || !catalogue.locales().contains(locale)) {
                continue;
            }
            Properties words = locale.equals("en") ? english : builtIn("_" + locale);
            for (Path dir : extra) {
                words = merged(words, dir.resolve(locale + ".properties"));
            }
            if (!words.isEmpty()) {
                found.put(locale, new Strings(locale, words, english));
            }
        }
        if (found.isEmpty()) {
            found.put("en", new Strings("en", english, english));
        }
        return new Languages(found);
    }

    public List<String> locales() {
        return new ArrayList<>(byLocale.keySet());
    }

    public String defaultLocale() {
        return byLocale.keySet().iterator().next();
    }

    public Strings strings(String locale) {
        Strings s = byLocale.get(locale);
        return s != null ? s : byLocale.get(defaultLocale());
    }

    /** The language's own name for itself, for the language buttons. */
    public String name(String locale) {
        return strings(locale).get("language.name");
    }

    private static Properties builtIn(String suffix) {
        Properties p = new Properties();
        try (InputStream in = Languages.class.getResourceAsStream(BUILT_IN + suffix + ".properties")) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("the built-in strings" + suffix + " cannot be read", e);
        }
        return p;
    }

    /** Words from a file over the ones given; an unreadable or oversize file is logged and skipped. */
    private static Properties merged(Properties base, Path file) {
        if (!Files.isRegularFile(file)) {
            return base;
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                LOG.warn("{} is larger than {} bytes; its words are not used", file, MAX_FILE_BYTES);
                return base;
            }
            Properties p = new Properties();
            p.putAll(base);
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            return p;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("{} cannot be read; its words are not used: {}", file, e.getMessage());
            return base;
        }
    }
}

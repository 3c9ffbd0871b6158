package org.accesscentre.app.i18n;

import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The UI's words in one language, with English behind every missing key. Placeholders are named,
 * {@code {min}}, and filled by plain replacement: no {@code MessageFormat}, whose apostrophe rules would
 * mangle French ("l'heure") and any language the ICT office adds.
 */
public final class Strings {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    private final String locale;
    private final Properties words;
    private final Properties english;

    Strings(String locale, Properties words, Properties english) {
        this.locale = locale;
        this.words = words;
        this.english = english;
    }

    public String locale() {
        return locale;
    }

    /** The text for a key; a key missing in every language is a bug, shown as the key so it gets noticed. */
    public String get(String key) {
        String text = words.getProperty(key);
        if (text == null) {
            text = english.getProperty(key);
        }
        if (text == null) {
            throw new MissingResourceException("no text for " + key, "strings", key);
        }
        return text;
    }

    /** The text with {@code {name}} placeholders filled; a placeholder without a value is left out. */
    public String get(String key, Map<String, String> args) {
        Matcher m = PLACEHOLDER.matcher(get(key));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(args.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    public String get(String key, String name, String value) {
        return get(key, Map.of(name, value));
    }

    /** Whether this language has its own text for a key (not English standing in). */
    public boolean has(String key) {
        return words.containsKey(key);
    }
}

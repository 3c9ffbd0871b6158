package org.accesscentre.core.catalogue;

import java.util.Map;

/** One text in several locales, such as {@code {"en": "Birth certificate", "fr": "Acte de naissance"}}. */
public record LocalizedText(Map<String, String> byLocale) {
    public LocalizedText {
        byLocale = Map.copyOf(byLocale);
    }

    public static LocalizedText of(String locale, String text) {
        return new LocalizedText(Map.of(locale, text));
    }

    /** The text in {@code locale}, else in {@code fallback}, else any text there is. */
    public String get(String locale, String fallback) {
        String text = byLocale.get(locale);
        if (text == null) {
            text = byLocale.get(fallback);
        }
        if (text == null) {
            text = byLocale.values().stream().findFirst().orElse("");
        }
        return text;
    }

    public boolean has(String locale) {
        return byLocale.containsKey(locale);
    }
}

package org.accesscentre.app.flow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.accesscentre.core.catalogue.Catalogue;
import org.accesscentre.core.catalogue.Category;
import org.accesscentre.core.catalogue.Service;
import org.accesscentre.core.catalogue.ServiceText;

/**
 * Finding a service: the categories as tiles, the services in one, and a plain-words search over titles,
 * summaries and the catalogue's keywords ("licence", "pothole", "naissance").
 */
public final class FindServiceViewModel {
    /** Results shown at most; a search that matches more is too vague to scroll through. */
    static final int MAX_RESULTS = 12;

    private final ShellViewModel shell;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");

    FindServiceViewModel(ShellViewModel shell) {
        this.shell = shell;
    }

    public record CategoryItem(String id, String icon, String title, String description, int services) {}

    public record ServiceItem(String id, String title, String summary) {}

    public List<CategoryItem> categories() {
        Catalogue c = shell.catalogue();
        String locale = shell.locale();
        List<CategoryItem> out = new ArrayList<>();
        for (Category cat : c.categories()) {
            int count = c.servicesIn(cat.id()).size();
            if (count > 0) {
                out.add(new CategoryItem(
                        cat.id(),
                        cat.icon(),
                        cat.title().get(locale, c.defaultLocale()),
                        cat.description().get(locale, c.defaultLocale()),
                        count));
            }
        }
        return out;
    }

    public String categoryTitle(String categoryId) {
        Catalogue c = shell.catalogue();
        return c.category(categoryId)
                .map(cat -> cat.title().get(shell.locale(), c.defaultLocale()))
                .orElse("");
    }

    public List<ServiceItem> services(String categoryId) {
        return shell.catalogue().servicesIn(categoryId).stream().map(this::item).toList();
    }

    public StringProperty queryProperty() {
        return query;
    }

    /**
     * Services whose words start with every word typed, best first: a title match beats a keyword match,
     * which beats a summary match.
     */
    public List<ServiceItem> results() {
        String[] typed = Folding.words(query.get());
        if (typed.length == 0) {
            return List.of();
        }
        record Scored(Service service, int score) {}
        List<Scored> scored = new ArrayList<>();
        for (Service s : shell.catalogue().services()) {
            ServiceText t = s.text(shell.locale(), shell.catalogue().defaultLocale());
            int score = 0;
            boolean all = true;
            for (String word : typed) {
                int best = Math.max(
                        Math.max(
                                matches(t.title(), word) ? 3 : 0,
                                matches(String.join(" ", t.keywords()), word) ? 2 : 0),
                        matches(t.summary(), word) ? 1 : 0);
                if (best == 0) {
                    all = false;
                    break;
                }
                score += best;
            }
            if (all) {
                scored.add(new Scored(s, score));
            }
        }
        return scored.stream()
                .sorted(Comparator.comparingInt(Scored::score).reversed())
                .limit(MAX_RESULTS)
                .map(sc -> item(sc.service()))
                .toList();
    }

    /** The search box is part of the session: it is cleared with it. */
    public void clear() {
        query.set("");
    }

    public void open(String serviceId) {
        shell.openService(serviceId);
    }

    public void openCategory(String categoryId) {
        shell.openCategory(categoryId);
    }

    private ServiceItem item(Service s) {
        ServiceText t = s.text(shell.locale(), shell.catalogue().defaultLocale());
        return new ServiceItem(s.id(), t.title(), t.summary());
    }

    private static boolean matches(String text, String typedWord) {
        for (String w : Folding.words(text)) {
            if (w.startsWith(typedWord)) {
                return true;
            }
        }
        return false;
    }
}

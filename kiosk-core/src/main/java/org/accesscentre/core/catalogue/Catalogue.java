package org.accesscentre.core.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services a kiosk offers, as published by the ICT office in a signed catalogue bundle.
 *
 * @param version monotonic; a kiosk never installs a catalogue older than the one it has
 * @param locales every locale the catalogue's texts are complete in; the first is the default
 * @param lists shared long lists, such as districts and communities, by id
 */
public record Catalogue(
        long version,
        List<String> locales,
        List<Category> categories,
        List<Agency> agencies,
        Map<String, ChoiceList> lists,
        List<Service> services) {

    public Catalogue {
        locales = List.copyOf(locales);
        categories = List.copyOf(categories);
        agencies = List.copyOf(agencies);
        lists = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lists));
        services = List.copyOf(services);
    }

    public String defaultLocale() {
        return locales.getFirst();
    }

    public Optional<Service> service(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Category> category(String id) {
        return categories.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<Agency> agency(String id) {
        return agencies.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<ChoiceList> list(String id) {
        return Optional.ofNullable(lists.get(id));
    }

    public List<Service> servicesIn(String categoryId) {
        return services.stream().filter(s -> s.category().equals(categoryId)).toList();
    }
}

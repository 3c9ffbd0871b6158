package org.accesscentre.app.flow;

/** Where the citizen is. The shell shows one screen at a time and builds its view afresh each time. */
public sealed interface Screen {
    record Welcome() implements Screen {}

    record Categories() implements Screen {}

    record Services(String categoryId) implements Screen {}

    record Search() implements Screen {}

    record ServiceInfo(String serviceId) implements Screen {}

    record Question(String fieldId) implements Screen {}

    record Review() implements Screen {}

    record Confirmation() implements Screen {}

    record Lookup() implements Screen {}

    Screen WELCOME = new Welcome();
    Screen CATEGORIES = new Categories();
    Screen SEARCH = new Search();
    Screen REVIEW = new Review();
    Screen CONFIRMATION = new Confirmation();
    Screen LOOKUP = new Lookup();
}

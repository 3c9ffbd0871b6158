package org.accesscentre.app.view;

import org.accesscentre.app.desk.DeskViewModel;
import org.accesscentre.app.flow.ConfirmationViewModel;
import org.accesscentre.app.flow.FindServiceViewModel;
import org.accesscentre.app.flow.LookupViewModel;
import org.accesscentre.app.flow.QuestionViewModel;
import org.accesscentre.app.flow.ReviewViewModel;
import org.accesscentre.app.flow.Screen;
import org.accesscentre.app.flow.ServiceInfoViewModel;
import org.accesscentre.app.flow.ShellViewModel;

/** Which view model and which view each screen gets. */
final class Pages {
    private final ShellViewModel shell;
    private final DeskViewModel desk;
    private final KeyboardDock dock;

    Pages(ShellViewModel shell, DeskViewModel desk, KeyboardDock dock) {
        this.shell = shell;
        this.desk = desk;
        this.dock = dock;
    }

    /** A new view model for a screen just shown: a screen's state starts fresh each visit. */
    Object model(Screen screen) {
        return switch (screen) {
            case Screen.Welcome w -> new Object();
            case Screen.Categories c -> shell.findService();
            case Screen.Services s -> shell.findService();
            case Screen.Search s -> shell.findService();
            case Screen.ServiceInfo i -> shell.serviceInfo(i.serviceId());
            case Screen.Question q -> shell.question(q.fieldId());
            case Screen.Review r -> shell.review();
            case Screen.Confirmation c -> shell.confirmation();
            case Screen.Lookup l -> shell.lookup();
        };
    }

    PageView view(Screen screen, Object model) {
        return switch (screen) {
            case Screen.Welcome w ->
                new WelcomeView(shell, desk.desk().nowServingProperty().get());
            case Screen.Categories c -> new CategoriesView(shell, (FindServiceViewModel) model);
            case Screen.Services s -> new ServicesView((FindServiceViewModel) model, s.categoryId());
            case Screen.Search s -> new SearchView(shell, (FindServiceViewModel) model, dock);
            case Screen.ServiceInfo i -> new ServiceInfoView(shell, (ServiceInfoViewModel) model);
            case Screen.Question q -> new QuestionView(shell, (QuestionViewModel) model, dock);
            case Screen.Review r -> new ReviewView(shell, (ReviewViewModel) model);
            case Screen.Confirmation c -> new ConfirmationView(shell, (ConfirmationViewModel) model);
            case Screen.Lookup l -> new LookupView(shell, (LookupViewModel) model, dock);
        };
    }
}

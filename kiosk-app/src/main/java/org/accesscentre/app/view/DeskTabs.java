package org.accesscentre.app.view;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.accesscentre.app.controls.KeyboardLayout;
import org.accesscentre.app.desk.DeskViewModel;
import org.accesscentre.app.desk.DeskViewModel.Tab;
import org.accesscentre.app.desk.Health;
import org.accesscentre.app.desk.Money;
import org.accesscentre.app.desk.TimedSession;
import org.accesscentre.app.desk.WalkInQueue;
import org.accesscentre.core.store.Journal;
import org.accesscentre.core.store.Reconciliation;

/** The tabs of attendant mode: the session and the queue, cash for fees, and the kiosk itself. */
final class DeskTabs {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final DeskViewModel vm;
    private final KeyboardDock dock;
    private final Runnable rerender;

    DeskTabs(DeskViewModel vm, KeyboardDock dock, Runnable rerender) {
        this.vm = vm;
        this.dock = dock;
        this.rerender = rerender;
    }

    Node body() {
        HBox bar = new HBox();
        bar.getStyleClass().add("desk-tabs");
        for (Tab t : Tab.values()) {
            Button b = Ui.button(tabName(t), "", "secondary", "desk-tab");
            b.setId("tab-" + t.name().toLowerCase(Locale.ROOT));
            if (t == vm.tabProperty().get()) {
                b.getStyleClass().add("selected");
            }
            b.setOnAction(e -> vm.tabProperty().set(t));
            bar.getChildren().add(b);
        }
        Node content = switch (vm.tabProperty().get()) {
            case SESSION -> session();
            case CASH -> cash();
            case KIOSK -> kiosk();
        };
        VBox page = Ui.column("page", bar, DeskView.message(vm), content);
        page.getStyleClass().add("desk-page");
        return page;
    }

    private static String tabName(Tab t) {
        return switch (t) {
            case SESSION -> "Session and queue";
            case CASH -> "Cash";
            case KIOSK -> "Kiosk";
        };
    }

    /** Runs an action and draws the tab again with its outcome. */
    private Button action(String text, String id, String icon, Runnable action) {
        Button b = Ui.button(text, icon, "secondary");
        b.setId(id);
        b.setOnAction(e -> {
            action.run();
            rerender.run();
        });
        return b;
    }

    private Node session() {
        VBox box = new VBox();
        box.getStyleClass().add("desk-section");
        TimedSession s = vm.desk().sessionProperty().get();
        if (s != null) {
            Label running = Ui.paragraph(
                    "Session running: " + vm.desk().sessionLeftProperty().get() + " left"
                            + (s.ticket() == null ? "" : ", ticket " + s.ticket())
                            + (s.endsAtClosing() ? ", ends at closing time" : "") + ".");
            running.setId("session-state");
            box.getChildren()
                    .addAll(
                            Ui.subheading("Session"),
                            running,
                            row(
                                    action("5 more minutes", "extend-5", "", () -> vm.extendSession(5)),
                                    action("15 more minutes", "extend-15", "", () -> vm.extendSession(15)),
                                    action("End session", "end-session", "close", vm::endSession)));
        } else {
            TextField ticket = new TextField();
            ticket.setId("session-ticket");
            ticket.getStyleClass().add("answer-field");
            ticket.setPromptText("Ticket (optional), such as A-004");
            ticket.textProperty().bindBidirectional(vm.ticketProperty());
            dock.attach(ticket, KeyboardLayout.ALPHABETIC, null);
            Label none = Ui.paragraph("No session is running. Without one, the kiosk is free to use.");
            none.setId("session-state");
            box.getChildren()
                    .addAll(
                            Ui.subheading("Session"),
                            none,
                            row(ticket, action("Start session", "start-session", "forward", vm::startSession)));
        }
        box.getChildren()
                .addAll(
                        Ui.subheading("Walk-in queue"),
                        queue(),
                        Ui.subheading("Help the citizen"),
                        Ui.paragraph(
                                "Fill in the form for the citizen, or with them: what you enter is marked as yours."),
                        row(action("Fill in for them", "assist", "forward", vm::assist)));
        return box;
    }

    private Node queue() {
        WalkInQueue.State q = vm.queue();
        String serving = vm.desk().nowServingProperty().get();
        Label state = Ui.paragraph((serving.isEmpty() ? "Nobody is being served." : "Now serving " + serving + ".")
                + " Waiting: "
                + (q.waiting().isEmpty()
                        ? "nobody"
                        : String.join(
                                ", ",
                                q.waiting().stream().map(WalkInQueue::label).toList()))
                + ".");
        state.setId("queue-state");
        VBox box = new VBox(
                state,
                row(
                        action("Issue a ticket", "issue-ticket", "print", vm::issueTicket),
                        action("Call next", "call-next", "forward", vm::callNext),
                        action("Not here: skip", "skip-ticket", "close", vm::skipTicket)));
        if (!q.skipped().isEmpty()) {
            FlowPane recalls = new FlowPane();
            recalls.getStyleClass().add("desk-row");
            for (int n : q.skipped()) {
                recalls.getChildren()
                        .add(action(
                                "Call " + WalkInQueue.label(n) + " again", "recall-" + n, "back", () -> vm.recall(n)));
            }
            box.getChildren().add(recalls);
        }
        box.getStyleClass().add("desk-section");
        return box;
    }

    private Node cash() {
        VBox box = new VBox(Ui.subheading("Fees today"));
        box.getStyleClass().add("desk-section");
        var fees = vm.cash().feesToday();
        if (fees.isEmpty()) {
            box.getChildren().add(Ui.paragraph("No request with a fee today."));
        }
        for (Journal.Fee fee : fees) {
            String ref = fee.reference().toString();
            Label what = Ui.paragraph(ref + "  " + vm.serviceName(fee.serviceId()) + "  " + Money.format(fee.feeCents())
                    + "  " + LocalTime.ofInstant(fee.createdAt(), vm.zone()).format(TIME));
            if (fee.payment().isPresent()) {
                Journal.Payment p = fee.payment().get();
                Label paid = Ui.caption("Paid " + Money.format(p.amountCents()) + ", cash receipt " + p.cashReceipt()
                        + ", by " + p.confirmedBy());
                paid.setId("paid-" + ref);
                box.getChildren().add(new VBox(what, paid));
                continue;
            }
            TextField amount = new TextField(Money.plain(fee.feeCents()));
            amount.setId("amount-" + ref);
            amount.getStyleClass().add("answer-field");
            amount.setPrefColumnCount(6);
            dock.attach(amount, KeyboardLayout.NUMERIC, null);
            TextField receipt = new TextField();
            receipt.setId("cash-receipt-" + ref);
            receipt.getStyleClass().add("answer-field");
            receipt.setPromptText("Cash receipt no.");
            receipt.setPrefColumnCount(8);
            dock.attach(receipt, KeyboardLayout.NUMERIC, null);
            Button confirm = action(
                    "Cash received",
                    "confirm-" + ref,
                    "check",
                    () -> vm.cash().confirmCash(fee.reference(), amount.getText(), receipt.getText()));
            box.getChildren().add(new VBox(what, row(amount, receipt, confirm)));
        }
        box.getChildren()
                .addAll(
                        Ui.subheading("End of day"),
                        report(vm.cash().report()),
                        row(
                                action("Print the report", "print-report", "print", vm.cash()::printReport),
                                action("Close the day", "close-day", "check", vm.cash()::closeDay)));
        return box;
    }

    private Node report(Reconciliation r) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("desk-report");
        grid.setId("day-report");
        String[] head = {"Service", "Requests", "Expected", "Paid", "Cash", "Unpaid"};
        for (int c = 0; c < head.length; c++) {
            grid.add(Ui.caption(head[c]), c, 0);
        }
        int row = 1;
        for (Reconciliation.Line line : r.lines()) {
            addLine(grid, row++, line.serviceId(), vm.serviceName(line.serviceId()), line);
        }
        addLine(grid, row, "total", "Total", r.total());
        return grid;
    }

    private static void addLine(GridPane grid, int row, String id, String name, Reconciliation.Line l) {
        String[] cells = {
            name,
            "" + l.requests(),
            Money.format(l.expectedCents()),
            "" + l.paid(),
            Money.format(l.confirmedCents()),
            l.unpaid() + " (" + Money.format(l.unpaidCents()) + ")"
        };
        for (int c = 0; c < cells.length; c++) {
            Label cell = new Label(cells[c]);
            cell.setId("report-" + id + "-" + c);
            grid.add(cell, c, row);
        }
    }

    private Node kiosk() {
        VBox box = new VBox(Ui.subheading("Health"));
        box.getStyleClass().add("desk-section");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("desk-report");
        int row = 0;
        for (Health.Line line : vm.kiosk().health()) {
            Label name = new Label(line.name());
            Label value = new Label((line.problem() ? "⚠ " : "") + line.value());
            value.setWrapText(true);
            value.setId("health-" + line.id());
            if (line.problem()) {
                value.getStyleClass().add("problem");
            }
            grid.add(name, 0, row);
            grid.add(value, 1, row++);
        }
        boolean locked = vm.desk().maintenance().lockProperty().get().locked();
        box.getChildren()
                .addAll(
                        grid,
                        Ui.subheading("Maintenance"),
                        row(
                                locked
                                        ? action("Back in service", "unlock", "check", vm.kiosk()::unlock)
                                        : action(
                                                "Out of service",
                                                "lock",
                                                "close",
                                                () -> vm.kiosk().lock("out of service")),
                                action("Sync now", "sync-now", "forward", vm.kiosk()::syncNow),
                                action("Print a test page", "test-print", "print", vm.kiosk()::printTestPage),
                                action("Restart the app", "restart", "back", vm.kiosk()::restartApp)));
        return box;
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(nodes);
        row.getStyleClass().add("desk-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}

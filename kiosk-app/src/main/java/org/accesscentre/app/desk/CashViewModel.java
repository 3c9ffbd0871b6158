package org.accesscentre.app.desk;

import java.util.List;
import java.util.Optional;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.device.config.Attendant;

/** Attendant mode's cash tab: today's fees, cash received for one, the day's report printed and closed. */
public final class CashViewModel {
    private final DeskViewModel vm;

    CashViewModel(DeskViewModel vm) {
        this.vm = vm;
    }

    /** Today's requests with a fee, paid or not. */
    public List<org.accesscentre.core.store.Journal.Fee> feesToday() {
        try {
            return vm.desk().cash().fees(vm.today());
        } catch (StoreException e) {
            vm.say("Cannot read today's fees: " + e.getMessage() + ".");
            return List.of();
        }
    }

    /**
     * Records cash received for a request's fee; {@code amount} as the attendant typed it ("25" or "25.00").
     *
     * @return whether it was recorded; if not, the message says what to correct
     */
    public boolean confirmCash(
            org.accesscentre.core.reference.ReferenceNumber reference, String amount, String receipt) {
        Optional<Long> cents = Money.parseCents(amount);
        if (cents.isEmpty()) {
            vm.say("Enter the amount received, for example 25.00.");
            return false;
        }
        try {
            var paid = vm.desk().cash().confirm(reference, cents.get(), receipt);
            vm.say("Cash recorded for " + reference + ": " + Money.format(paid.amountCents()) + ", receipt "
                    + paid.cashReceipt() + ".");
            return true;
        } catch (org.accesscentre.core.store.PaymentRefusedException e) {
            vm.say("Not recorded: " + e.getMessage() + ".");
        } catch (StoreException e) {
            vm.say("Not recorded: the kiosk's storage failed (" + e.getMessage() + ").");
        }
        return false;
    }

    /** Today's report as it stands. */
    public org.accesscentre.core.store.Reconciliation report() {
        try {
            return vm.desk().cash().report(vm.today());
        } catch (StoreException e) {
            vm.say("Cannot read today's fees: " + e.getMessage() + ".");
            return org.accesscentre.core.store.Reconciliation.of(vm.today(), List.of());
        }
    }

    /** Prints today's report as it stands. */
    public void printReport() {
        var content = vm.printing()
                .report(report(), vm.desk().attendant().map(Attendant::name).orElse("?"));
        vm.printing().print("The report", () -> vm.desk().context().printer().printReport(content), vm::say);
    }

    /** Ends the day's cash: the report's totals are journalled for the portal. */
    public void closeDay() {
        vm.store(() -> {
            var r = vm.desk().cash().close(vm.today());
            vm.say("Day closed: " + r.total().paid() + " paid, " + r.total().unpaid() + " unpaid; sent to the portal.");
        });
    }
}

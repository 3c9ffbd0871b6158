package org.accesscentre.app.desk;

import java.nio.file.Path;
import java.util.List;
import org.accesscentre.core.io.Machine;
import org.accesscentre.core.store.StoreException;

/** Attendant mode's kiosk tab: the kiosk's health in words, and its maintenance. */
public final class KioskTabViewModel {
    private final DeskViewModel vm;
    private final Path dataDir;
    private Path temperatureSensor = Machine.CPU_TEMPERATURE;

    KioskTabViewModel(DeskViewModel vm, Path dataDir) {
        this.vm = vm;
        this.dataDir = dataDir;
    }

    public List<Health.Line> health() {
        try {
            return Health.read(
                    vm.desk().context().store(),
                    vm.desk().journal(),
                    dataDir,
                    temperatureSensor,
                    vm.desk().context().clock().instant());
        } catch (StoreException e) {
            return List.of(new Health.Line("store", "Store", "Cannot be read: " + e.getMessage(), true));
        }
    }

    /** For tests: where the CPU temperature is read. */
    public void temperatureSensor(Path sensor) {
        this.temperatureSensor = sensor;
    }

    public void lock(String reason) {
        vm.desk().maintenance().lock(reason.isBlank() ? "out of service" : reason.strip());
        vm.say("The kiosk shows Out of service until you unlock it.");
    }

    public void unlock() {
        vm.desk().maintenance().unlock();
        vm.say("The kiosk is back in service.");
    }

    public void printTestPage() {
        var page = vm.printing().testPage(vm.shell().strings());
        vm.printing().print("The test page", () -> vm.desk().context().printer().printTicket(page), vm::say);
        vm.desk().record("kiosk.test_print", vm.desk().body());
    }

    public void syncNow() {
        vm.desk().maintenance().syncNow();
        vm.say("The sync service was asked to sync now.");
    }

    public void restartApp() {
        vm.desk().maintenance().restartApp();
    }
}

package org.accesscentre.app.desk;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.accesscentre.app.flow.Kiosks;
import org.accesscentre.core.store.Journal;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.store.StoreOptions;
import org.accesscentre.device.config.Attendant;
import org.accesscentre.device.config.OpeningHours;
import org.accesscentre.device.config.SessionPolicy;
import org.accesscentre.device.pin.PinHasher;

/** A desk on a real store file and a test clock (T0 is 10:00 in St Lucia), with attendants Marie and Joseph. */
public final class Desks implements AutoCloseable {
    /** The lowest work factor the hasher allows: quick enough for tests, the same code path as a kiosk's. */
    private static final PinHasher HASHER = new PinHasher(PinHasher.MIN_ITERATIONS, new SecureRandom());

    public static final Attendant MARIE = new Attendant("att-1", "Marie", HASHER.hash("2468".toCharArray()));
    public static final Attendant JOSEPH = new Attendant("att-2", "Joseph", HASHER.hash("1357".toCharArray()));
    /** Every day 08:00 to 16:30, St Lucia time. */
    public static final OpeningHours HOURS = hours(LocalTime.of(8, 0), LocalTime.of(16, 30));

    public final SqliteStore store;
    public final Kiosks kiosk;
    public final Desk desk;

    public Desks(Path dir) throws Exception {
        this(dir, HOURS);
    }

    public Desks(Path dir, OpeningHours hours) throws Exception {
        store = SqliteStore.open(dir.resolve("kiosk.db"), StoreOptions.DEFAULTS);
        kiosk = new Kiosks(store, dir);
        desk = new Desk(
                kiosk.ctx,
                store.journal(),
                new DeskSettings(List.of(MARIE, JOSEPH), SessionPolicy.DEFAULT, hours),
                kiosk.shell);
    }

    public static OpeningHours hours(LocalTime open, LocalTime close) {
        Map<DayOfWeek, OpeningHours.Hours> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            days.put(d, new OpeningHours.Hours(open, close));
        }
        return new OpeningHours(true, days);
    }

    public Journal journal() {
        return store.journal();
    }

    /** The kinds journalled so far, oldest first. */
    public List<String> kinds() throws StoreException {
        return journal().unsent(1000).stream().map(Journal.Entry::kind).toList();
    }

    public Journal.Entry last(String kind) throws StoreException {
        List<Journal.Entry> latest = journal().latest(1000);
        return latest.stream()
                .filter(e -> e.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in "
                        + latest.stream().map(Journal.Entry::kind).toList()));
    }

    /** A request with a fee, as the app would store it (the answers do not matter here). */
    public org.accesscentre.core.reference.ReferenceNumber paidService(long feeCents) throws StoreException {
        return paidService("birth-certificate", feeCents);
    }

    /** A request for {@code serviceId} with a fee, stored as the app would. */
    public org.accesscentre.core.reference.ReferenceNumber paidService(String serviceId, long feeCents)
            throws StoreException {
        return feeRequest(store, kiosk.clock, serviceId, feeCents);
    }

    /** A request with a fee in {@code store}, as kiosk SOU-03 stores one (the sealed answers do not matter). */
    public static org.accesscentre.core.reference.ReferenceNumber feeRequest(
            org.accesscentre.core.store.LocalStore store, java.time.Clock clock, String serviceId, long feeCents)
            throws StoreException {
        return store.submit(new org.accesscentre.core.store.NewSubmission(
                        "SOU",
                        3,
                        java.util.UUID.randomUUID(),
                        serviceId,
                        1,
                        1,
                        feeCents,
                        "XCD",
                        clock.instant(),
                        new byte[] {1, 2, 3}))
                .reference();
    }

    /** Signs Marie in (the background and UI executors are the calling thread). */
    public void signIn() {
        desk.signIn(MARIE, "2468".toCharArray(), o -> {});
        if (desk.attendant().isEmpty()) {
            throw new AssertionError("Marie could not sign in");
        }
    }

    @Override
    public void close() throws StoreException {
        store.close();
    }
}

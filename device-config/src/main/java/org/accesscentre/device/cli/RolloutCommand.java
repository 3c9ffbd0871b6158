package org.accesscentre.device.cli;

import static org.accesscentre.device.cli.PortalOutput.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.accesscentre.core.json.Json;
import org.accesscentre.core.wire.SignedOrder;
import org.accesscentre.device.portal.EnvFileException;
import org.accesscentre.device.portal.PortalException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kioskctl rollout create|status|list|pause|resume|abort}: a bundle offered to the fleet in waves. */
@Command(name = "rollout", description = "Offer a published catalogue, configuration or release to the fleet in waves.")
final class RolloutCommand implements Runnable {
    /** A signed order is a few hundred bytes; anything near this is not one. */
    private static final int MAX_ORDER_BYTES = 16 * 1024;

    @Spec
    private CommandSpec spec = CommandSpec.create();

    @ParentCommand
    private KioskCtl ctl = new KioskCtl();

    /** A group alone is a usage error: it needs one of its commands. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    @Command(
            name = "create",
            description = "Start a rollout of a published bundle: to every device, or to centres or devices.")
    int create(
            @Option(names = "--bundle", required = true, paramLabel = "ID", description = "The bundle's id.")
                    long bundle,
            @Option(
                            names = "--wave",
                            required = true,
                            paramLabel = "SIZE",
                            description = "A wave: a number of devices (1) or the share covered once it is done"
                                    + " (10%%); repeat in order, the last 100%%.")
                    List<String> waves,
            @Option(names = "--centre", paramLabel = "CODE", description = "Only this centre's devices; repeat.")
                    List<String> centres,
            @Option(names = "--device", paramLabel = "ID", description = "Only this device; repeat.")
                    List<String> devices,
            @Option(
                            names = "--success",
                            defaultValue = "0.9",
                            paramLabel = "SHARE",
                            description =
                                    "Share of a wave installed before the next starts (default ${DEFAULT-VALUE}).")
                    double success,
            @Option(
                            names = "--errors",
                            defaultValue = "0.2",
                            paramLabel = "SHARE",
                            description = "Share of a wave failed that halts the rollout (default ${DEFAULT-VALUE}).")
                    double errors,
            @Option(
                            names = "--overdue-minutes",
                            defaultValue = "60",
                            paramLabel = "MINUTES",
                            description =
                                    "Silence after which an offered device is overdue (default ${DEFAULT-VALUE}).")
                    int overdue,
            @Option(
                            names = "--rollback-order",
                            paramLabel = "FILE",
                            description = "For a release older than devices run: the signed order from"
                                    + " kioskctl bundle rollback-order.")
                    @Nullable
                    Path rollbackOrder,
            @Option(names = "--json", description = "Print the portal's answer as one line of JSON.") boolean json,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        if (centres != null && devices != null) {
            throw portal.usage("give --centre or --device, not both");
        }
        Map<String, @Nullable Object> target = centres != null
                ? Map.of("centres", centres)
                : devices != null ? Map.of("devices", devices) : Map.of("all", true);
        List<Map<String, Object>> waveList = new ArrayList<>();
        for (String size : waves) {
            waveList.add(Map.of("size", size, "successThreshold", success, "errorThreshold", errors));
        }
        Map<String, @Nullable Object> request = new LinkedHashMap<>();
        request.put("bundleId", bundle);
        request.put("target", target);
        request.put("waves", waveList);
        request.put("overdueAfterMinutes", overdue);
        if (rollbackOrder != null) {
            request.put("rollbackOrder", readOrder(rollbackOrder, portal));
        }
        return show(portal.client(ctl).createRollout(request), json, portal.out(), "created");
    }

    @Command(name = "status", description = "One rollout: each wave's numbers, then the failures and their reasons.")
    int status(
            @Parameters(paramLabel = "ID", description = "The rollout's id.") String id,
            @Option(names = "--json", description = "Print the portal's answer as one line of JSON.") boolean json,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        return show(portal.client(ctl).rollout(id), json, portal.out(), null);
    }

    @Command(name = "list", description = "The latest rollouts, newest first.")
    int list(
            @Option(names = "--json", description = "Print the portal's answer as one line of JSON.") boolean json,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        JsonNode rollouts = portal.client(ctl).rollouts();
        if (json) {
            PortalOutput.json(portal.out(), rollouts);
            return 0;
        }
        Table table = new Table("ROLLOUT", "KIND", "VERSION", "STATE", "WAVE", "INSTALLED", "FAILED", "CREATED");
        for (JsonNode r : rollouts) {
            int installed = 0;
            int failed = 0;
            int devices = 0;
            for (JsonNode w : r.path("waves")) {
                installed += w.path("installed").asInt();
                failed += w.path("failed").asInt() + w.path("rolledBack").asInt();
                devices += w.path("devices").asInt();
            }
            table.row(
                    text(r, "id"),
                    text(r, "kind") + (r.path("rollback").asBoolean() ? " (rollback)" : ""),
                    text(r, "version"),
                    text(r, "state"),
                    text(r, "currentWave") + " of " + r.path("waves").size(),
                    installed + " of " + devices,
                    Integer.toString(failed),
                    text(r, "createdAt"));
        }
        table.print(portal.out());
        return 0;
    }

    @Command(name = "pause", description = "Start no further wave; devices offered the bundle keep it.")
    int pause(
            @Parameters(paramLabel = "ID", description = "The rollout's id.") String id,
            @Option(names = "--json", description = "Print the portal's answer as one line of JSON.") boolean json,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        return show(portal.client(ctl).rolloutAction(id, "pause", null), json, portal.out(), "paused");
    }

    @Command(
            name = "resume",
            description = "Carry on after a pause or a halt; failed devices are offered the bundle again.")
    int resume(
            @Parameters(paramLabel = "ID", description = "The rollout's id.") String id,
            @Option(
                            names = "--bundle",
                            paramLabel = "ID",
                            description = "A newer bundle of the same kind (the fix) to offer instead.")
                    @Nullable
                    Long bundle,
            @Option(
                            names = "--rollback-order",
                            paramLabel = "FILE",
                            description = "With --bundle, for a release older than devices run: its signed order.")
                    @Nullable
                    Path rollbackOrder,
            @Option(names = "--json", description = "Print the portal's answer as one line of JSON.") boolean json,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        if (rollbackOrder != null && bundle == null) {
            throw portal.usage("--rollback-order goes with --bundle: the order is for that bundle's release");
        }
        SignedOrder order = rollbackOrder == null ? null : readOrder(rollbackOrder, portal);
        return show(portal.client(ctl).rolloutAction(id, "resume", bundle, order), json, portal.out(), "resumed");
    }

    /** The order as kioskctl bundle rollback-order wrote it; the portal checks its signature. */
    private static SignedOrder readOrder(Path file, PortalOptions portal) throws IOException {
        if (Files.size(file) > MAX_ORDER_BYTES) {
            throw portal.usage("--rollback-order " + file + " is over " + MAX_ORDER_BYTES + " bytes: not an order");
        }
        SignedOrder order;
        try {
            order = Json.wire().readValue(Files.readAllBytes(file), SignedOrder.class);
        } catch (JsonProcessingException e) {
            order = null;
        }
        if (order == null || order.order() == null || order.keyId() == null || order.signature() == null) {
            throw portal.usage("--rollback-order " + file
                    + " is not a signed order ({order, keyId, signature}, as kioskctl bundle rollback-order writes)");
        }
        return order;
    }

    @Command(name = "abort", description = "Stop offering the bundle; devices it never reached keep what they have.")
    int abort(
            @Parameters(paramLabel = "ID", description = "The rollout's id.") String id,
            @Option(names = "--json", description = "Print the portal's answer as one line of JSON.") boolean json,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        return show(portal.client(ctl).rolloutAction(id, "abort", null), json, portal.out(), "aborted");
    }

    private static int show(JsonNode r, boolean json, PrintWriter out, @Nullable String done) {
        if (json) {
            PortalOutput.json(out, r);
            return 0;
        }
        if (done != null) {
            out.println("ok: " + done + " rollout " + text(r, "id"));
        }
        out.println("rollout " + text(r, "id") + ": " + text(r, "kind") + " version " + text(r, "version")
                + " (bundle " + text(r, "bundleId") + "), " + text(r, "state") + ", wave " + text(r, "currentWave")
                + " of " + r.path("waves").size());
        if (r.hasNonNull("reason")) {
            out.println("reason: " + Table.clean(r.path("reason").asText()));
        }
        if (r.path("rollback").asBoolean()) {
            out.println("rollback: yes, under a signed order: "
                    + Table.clean(r.path("rollbackReason").asText()));
        }
        Table waves = new Table(
                "WAVE",
                "SIZE",
                "DEVICES",
                "PENDING",
                "OFFERED",
                "DOWNLOADING",
                "INSTALLED",
                "FAILED",
                "ROLLED BACK",
                "OVERDUE",
                "SUCCESS AT",
                "HALT ABOVE");
        for (JsonNode w : r.path("waves")) {
            waves.row(
                    text(w, "wave"),
                    text(w, "size"),
                    text(w, "devices"),
                    text(w, "pending"),
                    text(w, "offered"),
                    text(w, "downloading"),
                    text(w, "installed"),
                    text(w, "failed"),
                    text(w, "rolledBack"),
                    text(w, "overdue"),
                    text(w, "successThreshold"),
                    text(w, "errorThreshold"));
        }
        waves.print(out);
        JsonNode failures = r.path("failures");
        if (failures.isEmpty()) {
            out.println("failures: none");
            return 0;
        }
        out.println("failures:");
        Table table = new Table("DEVICE", "WAVE", "STATE", "AT", "REASON");
        for (JsonNode f : failures) {
            table.row(text(f, "deviceId"), text(f, "wave"), text(f, "state"), text(f, "at"), text(f, "reason"));
        }
        table.print(out);
        return 0;
    }
}

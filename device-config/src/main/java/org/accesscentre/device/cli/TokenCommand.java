package org.accesscentre.device.cli;

import static org.accesscentre.device.cli.PortalOutput.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
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

/** {@code kioskctl token create|list|revoke}: API tokens for people and their scripts. */
@Command(name = "token", description = "API tokens: the ICT office, agency officers, read-only watchers.")
final class TokenCommand implements Runnable {
    static final List<String> ROLES = List.of("ict_admin", "agency_officer", "read_only");

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
            description = {
                "A new token. It is printed once, alone on standard output, and never again: the portal keeps",
                "only its hash. Hand it over in an env file (chmod 600), not in a chat message."
            })
    int create(
            @Option(names = "--name", required = true, paramLabel = "NAME", description = "Who or what it is for.")
                    String name,
            @Option(
                            names = "--role",
                            required = true,
                            paramLabel = "ROLE",
                            completionCandidates = Roles.class,
                            description = "ict_admin, agency_officer (needs --agency) or read_only.")
                    String role,
            @Option(names = "--agency", paramLabel = "ID", description = "The agency of an agency_officer token.")
                    @Nullable
                    String agency,
            @Option(
                            names = "--expires-in-days",
                            paramLabel = "N",
                            description = "Expires after N days, 1 to 3650 (default: never).")
                    @Nullable
                    Integer expiresInDays,
            @Option(names = "--json", description = "Print the portal's answer, token included, as one line of JSON.")
                    boolean json,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        if (!ROLES.contains(role)) {
            throw portal.usage("--role is one of " + String.join(", ", ROLES));
        }
        JsonNode created = portal.client(ctl).createToken(name, role, agency, expiresInDays);
        if (json) {
            PortalOutput.json(portal.out(), created);
            return 0;
        }
        // Alone on standard output, so TOKEN=$(kioskctl token create ...) holds the token and nothing else.
        portal.out().println(Table.cell(text(created, "token")));
        JsonNode info = created.path("info");
        spec.commandLine()
                .getErr()
                .println("kioskctl: created " + Table.cell(text(info, "id")) + " (" + role
                        + (agency == null ? "" : ", agency " + agency) + ", expires "
                        + (text(info, "expiresAt") == null ? "never" : text(info, "expiresAt"))
                        + "); this is the only time the token is shown");
        return 0;
    }

    @Command(name = "list", description = "Every token, revoked and expired ones too; never a token's secret.")
    int list(
            @Option(names = "--json", description = "Print the portal's answer as one line of JSON.") boolean json,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        JsonNode tokens = portal.client(ctl).tokens();
        if (json) {
            PortalOutput.json(portal.out(), tokens);
            return 0;
        }
        Table table = new Table("TOKEN ID", "NAME", "ROLE", "AGENCY", "CREATED", "EXPIRES", "LAST USED", "REVOKED");
        for (JsonNode t : tokens) {
            String role = text(t, "role");
            table.row(
                    text(t, "id"),
                    text(t, "name"),
                    role == null ? null : role.toLowerCase(Locale.ROOT),
                    text(t, "agencyId"),
                    text(t, "createdAt"),
                    text(t, "expiresAt"),
                    text(t, "lastUsedAt"),
                    text(t, "revokedAt"));
        }
        table.print(portal.out());
        return 0;
    }

    @Command(name = "revoke", description = "Refuse a token from now on.")
    int revoke(
            @Parameters(paramLabel = "ID", description = "The token's id, tk_... (the part before the dot).") String id,
            @Mixin PortalOptions portal)
            throws PortalException, IOException, EnvFileException {
        if (id.contains(".")) {
            // Never sent: the secret would end up in the portal's request log. Not repeated here either.
            throw portal.usage("give the token's id, the part before the dot, not the whole token");
        }
        portal.client(ctl).revokeToken(id);
        portal.out().println("ok: revoked " + id);
        return 0;
    }

    /** Completion candidates for {@code --role}. */
    static final class Roles implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ROLES.iterator();
        }
    }
}

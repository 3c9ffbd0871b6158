package org.accesscentre.portal;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.accesscentre.core.keys.KeyFormatException;
import org.accesscentre.core.keys.Keys;
import org.accesscentre.core.seal.Opener;
import org.accesscentre.portal.bundles.Bundles;
import org.accesscentre.portal.cases.Cases;
import org.accesscentre.portal.cases.StatusFeed;
import org.accesscentre.portal.db.Database;
import org.accesscentre.portal.db.DatabaseException;
import org.accesscentre.portal.devices.Enrolment;
import org.accesscentre.portal.events.DeviceEvents;
import org.accesscentre.portal.fleet.Commands;
import org.accesscentre.portal.fleet.Fleet;
import org.accesscentre.portal.fleet.Heartbeats;
import org.accesscentre.portal.fleet.TxStats;
import org.accesscentre.portal.http.HttpServer;
import org.accesscentre.portal.http.Services;
import org.accesscentre.portal.ingest.CatalogueRegistry;
import org.accesscentre.portal.ingest.Ingest;
import org.accesscentre.portal.rollouts.RolloutOffers;
import org.accesscentre.portal.rollouts.Rollouts;
import org.accesscentre.portal.security.ApiTokens;
import org.accesscentre.portal.security.DeviceAuth;

/** A running portal: its database, its services and its HTTP server. Tests start one in-process. */
public final class Portal implements AutoCloseable {
    private final Database db;
    private final Services services;
    private final HttpServer server;

    private Portal(Database db, Services services, HttpServer server) {
        this.db = db;
        this.services = services;
        this.server = server;
    }

    public static Portal start(PortalSettings settings, Clock clock) throws PortalException {
        PortalKeys keys;
        try {
            keys = PortalKeys.load(settings.dataDir());
        } catch (IOException | KeyFormatException e) {
            throw new PortalException(e.getMessage(), e);
        }
        Database db = openDatabase(settings);
        try {
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(metrics);
            new JvmGcMetrics().bindTo(metrics);
            new JvmThreadMetrics().bindTo(metrics);
            new ProcessorMetrics().bindTo(metrics);
            Services services = services(db, settings, clock, keys, metrics);
            HttpServer server = HttpServer.start(services, metrics, settings.host(), settings.port());
            return new Portal(db, services, server);
        } catch (RuntimeException e) {
            db.close();
            throw new PortalException("the portal could not start: " + e.getMessage(), e);
        }
    }

    static Database openDatabase(PortalSettings settings) throws PortalException {
        try {
            return settings.databaseUrl() == null
                    ? Database.sqlite(settings.dataDir().resolve("portal.db"))
                    : Database.postgresql(settings.databaseUrl());
        } catch (DatabaseException e) {
            throw new PortalException(e.getMessage(), e);
        }
    }

    private static Services services(
            Database db, PortalSettings settings, Clock clock, PortalKeys keys, PrometheusMeterRegistry metrics) {
        Opener opener = new Opener(keys.all());
        CatalogueRegistry catalogues = new CatalogueRegistry(db);
        Bundles bundles = new Bundles(db, settings.dataDir().resolve("scratch"), clock);
        Commands commands = new Commands(db, clock);
        StatusFeed statusFeed = new StatusFeed(db);
        RolloutOffers offers = new RolloutOffers(db, bundles, clock);
        return new Services(
                db,
                clock,
                settings.zone(),
                new ApiTokens(db, clock),
                new DeviceAuth(db, clock),
                new Enrolment(db, clock),
                new Ingest(db, catalogues, opener, clock, settings.zone(), metrics),
                statusFeed,
                new Cases(db, opener, catalogues, clock),
                bundles,
                commands,
                new Heartbeats(db, offers, commands, statusFeed, clock, settings.heartbeat()),
                // Three missed heartbeats and a device is overdue.
                new Fleet(db, clock, settings.heartbeat().multipliedBy(3).plus(Duration.ofSeconds(30))),
                new TxStats(db),
                new DeviceEvents(db, clock),
                new Rollouts(db, bundles, clock),
                offers,
                new Services.EnvelopeKey(
                        Keys.keyId(keys.current().getPublic()),
                        Keys.toBase64(keys.current().getPublic())));
    }

    public int port() {
        return server.port();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public Services services() {
        return services;
    }

    public HttpServer server() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
        db.close();
    }

    /** Where the data directory is, for messages. */
    static String describe(Path dataDir) {
        return dataDir.toAbsolutePath().toString();
    }
}

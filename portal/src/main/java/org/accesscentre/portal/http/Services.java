package org.accesscentre.portal.http;

import java.time.Clock;
import java.time.ZoneId;
import org.accesscentre.portal.bundles.Bundles;
import org.accesscentre.portal.cases.Cases;
import org.accesscentre.portal.cases.StatusFeed;
import org.accesscentre.portal.db.Database;
import org.accesscentre.portal.devices.Enrolment;
import org.accesscentre.portal.events.DeviceEvents;
import org.accesscentre.portal.fleet.Commands;
import org.accesscentre.portal.fleet.Fleet;
import org.accesscentre.portal.fleet.Heartbeats;
import org.accesscentre.portal.fleet.TxStats;
import org.accesscentre.portal.ingest.Ingest;
import org.accesscentre.portal.rollouts.RolloutOffers;
import org.accesscentre.portal.rollouts.Rollouts;
import org.accesscentre.portal.security.ApiTokens;
import org.accesscentre.portal.security.DeviceAuth;

/** Everything the routes call, assembled once by the portal. */
public record Services(
        Database database,
        Clock clock,
        ZoneId zone,
        ApiTokens tokens,
        DeviceAuth deviceAuth,
        Enrolment enrolment,
        Ingest ingest,
        StatusFeed feed,
        Cases cases,
        Bundles bundles,
        Commands commands,
        Heartbeats heartbeats,
        Fleet fleet,
        TxStats stats,
        DeviceEvents events,
        Rollouts rollouts,
        RolloutOffers offers,
        EnvelopeKey envelopeKey) {

    /** The portal's envelope public key, which every kiosk's configuration names. */
    public record EnvelopeKey(String keyId, String publicKey) {}
}

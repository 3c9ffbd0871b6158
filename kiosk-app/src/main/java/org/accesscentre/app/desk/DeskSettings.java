package org.accesscentre.app.desk;

import java.util.List;
import org.accesscentre.device.config.Attendant;
import org.accesscentre.device.config.OpeningHours;
import org.accesscentre.device.config.SessionPolicy;

/** What the configuration says about the centre's desk: its attendants, session limits and opening hours. */
public record DeskSettings(List<Attendant> attendants, SessionPolicy sessions, OpeningHours hours) {
    public DeskSettings {
        attendants = List.copyOf(attendants);
    }
}

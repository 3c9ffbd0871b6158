package org.accesscentre.portal.events;

import org.accesscentre.portal.support.TestPortal;

class PostgresDeviceEventsTest extends DeviceEventsTest {
    @Override
    TestPortal.Db db() {
        return TestPortal.Db.POSTGRESQL;
    }
}

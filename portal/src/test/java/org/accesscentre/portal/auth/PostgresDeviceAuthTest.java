package org.accesscentre.portal.auth;

import org.accesscentre.portal.support.TestPortal;

class PostgresDeviceAuthTest extends DeviceAuthTest {
    @Override
    TestPortal.Db db() {
        return TestPortal.Db.POSTGRESQL;
    }
}

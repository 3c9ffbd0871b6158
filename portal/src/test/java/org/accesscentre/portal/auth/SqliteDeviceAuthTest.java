package org.accesscentre.portal.auth;

import org.accesscentre.portal.support.TestPortal;

class SqliteDeviceAuthTest extends DeviceAuthTest {
    @Override
    TestPortal.Db db() {
        return TestPortal.Db.SQLITE;
    }
}

package org.accesscentre.portal.fleet;

import org.accesscentre.portal.support.TestPortal;

class PostgresHeartbeatAndCommandsTest extends HeartbeatAndCommandsTest {
    @Override
    TestPortal.Db db() {
        return TestPortal.Db.POSTGRESQL;
    }
}

package org.accesscentre.portal.hostile;

import org.accesscentre.portal.support.TestPortal;

class SqliteHostileRequestsTest extends HostileRequestsTest {
    @Override
    TestPortal.Db db() {
        return TestPortal.Db.SQLITE;
    }
}

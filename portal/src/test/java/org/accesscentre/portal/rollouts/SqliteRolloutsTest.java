package org.accesscentre.portal.rollouts;

import org.accesscentre.portal.support.TestPortal;

class SqliteRolloutsTest extends RolloutsTest {
    @Override
    TestPortal.Db db() {
        return TestPortal.Db.SQLITE;
    }
}

package org.accesscentre.portal.rollouts;

import org.accesscentre.portal.support.TestPortal;

class PostgresRolloutsTest extends RolloutsTest {
    @Override
    TestPortal.Db db() {
        return TestPortal.Db.POSTGRESQL;
    }
}

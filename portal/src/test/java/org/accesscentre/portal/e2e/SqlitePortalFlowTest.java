package org.accesscentre.portal.e2e;

import org.accesscentre.portal.support.TestPortal;

class SqlitePortalFlowTest extends PortalFlowTest {
    @Override
    TestPortal.Db db() {
        return TestPortal.Db.SQLITE;
    }
}

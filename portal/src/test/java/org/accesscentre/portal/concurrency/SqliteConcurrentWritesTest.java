package org.accesscentre.portal.concurrency;

import org.accesscentre.portal.support.TestPortal;

class SqliteConcurrentWritesTest extends ConcurrentWritesTest {
    @Override
    TestPortal.Db db() {
        return TestPortal.Db.SQLITE;
    }
}

package org.accesscentre.portal.concurrency;

import org.accesscentre.portal.support.TestPortal;

class PostgresConcurrentWritesTest extends ConcurrentWritesTest {
    @Override
    TestPortal.Db db() {
        return TestPortal.Db.POSTGRESQL;
    }
}

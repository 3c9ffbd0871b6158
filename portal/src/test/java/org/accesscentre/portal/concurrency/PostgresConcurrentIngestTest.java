package org.accesscentre.portal.concurrency;

import org.accesscentre.portal.support.TestPortal;

class PostgresConcurrentIngestTest extends ConcurrentIngestTest {
    @Override
    TestPortal.Db db() {
        return TestPortal.Db.POSTGRESQL;
    }
}

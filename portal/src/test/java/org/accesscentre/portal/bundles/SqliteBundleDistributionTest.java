package org.accesscentre.portal.bundles;

import org.accesscentre.portal.support.TestPortal;

class SqliteBundleDistributionTest extends BundleDistributionTest {
    @Override
    TestPortal.Db db() {
        return TestPortal.Db.SQLITE;
    }
}

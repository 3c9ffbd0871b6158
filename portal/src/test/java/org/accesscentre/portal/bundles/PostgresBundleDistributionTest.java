package org.accesscentre.portal.bundles;

import org.accesscentre.portal.support.TestPortal;

class PostgresBundleDistributionTest extends BundleDistributionTest {
    @Override
    TestPortal.Db db() {
        return TestPortal.Db.POSTGRESQL;
    }
}

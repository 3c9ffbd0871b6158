package org.accesscentre.testing;

import java.nio.file.Path;
import org.accesscentre.core.store.LocalStore;
import org.accesscentre.core.store.SqliteStore;
import org.accesscentre.core.store.StoreException;
import org.accesscentre.core.store.StoreOptions;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreContractTest extends LocalStoreContract {
    @TempDir
    Path dir;

    @Override
    protected LocalStore newStore() throws StoreException {
        return SqliteStore.open(dir.resolve("kiosk.db"), StoreOptions.DEFAULTS);
    }
}

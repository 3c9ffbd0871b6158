package org.accesscentre.testing;

import org.accesscentre.core.store.LocalStore;

class InMemoryStoreContractTest extends LocalStoreContract {
    @Override
    protected LocalStore newStore() {
        return new InMemoryStore();
    }
}

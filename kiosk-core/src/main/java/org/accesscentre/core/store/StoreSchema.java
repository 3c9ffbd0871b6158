package org.accesscentre.core.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Brings a store file to the current schema with Flyway's versioned migrations. kiosk-app and sync-daemon
 * may start at the same moment, so migration runs under an exclusive lock on a file next to the store.
 */
final class StoreSchema {
    static final String LOCATION = "classpath:db/kiosk-store";

    private StoreSchema() {}

    static void migrate(Path file, SQLiteConfig config) throws StoreException {
        Path lockFile = file.resolveSibling(file.getFileName() + ".migrate-lock");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel =
                    FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                SQLiteDataSource dataSource = new SQLiteDataSource(config);
                dataSource.setUrl(StoreConnection.url(file));
                Flyway.configure(StoreSchema.class.getClassLoader())
                        .dataSource(dataSource)
                        .locations(LOCATION)
                        .failOnMissingLocations(true)
                        .validateMigrationNaming(true)
                        .load()
                        .migrate();
                lock.release();
            }
        } catch (IOException e) {
            throw new StoreException("cannot open the store at " + file + ": " + e.getMessage(), e);
        } catch (FlywayException e) {
            throw new StoreException("cannot bring the store at " + file + " up to date: " + e.getMessage(), e);
        }
    }
}

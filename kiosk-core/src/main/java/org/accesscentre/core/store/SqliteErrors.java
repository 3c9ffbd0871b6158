package org.accesscentre.core.store;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's error codes into errors a person can act on. */
final class SqliteErrors {
    private SqliteErrors() {}

    static StoreException translate(SQLException e, String action) {
        int primary = primaryCode(e);
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return new StoreFullException("the store is full: cannot " + action, e);
        }
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return new StoreException("the store file is damaged: cannot " + action, e);
        }
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return new StoreException("the store stayed busy past the timeout: cannot " + action, e);
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return new StoreException("the store cannot be written: cannot " + action, e);
        }
        return new StoreException("cannot " + action + ": " + e.getMessage(), e);
    }

    static int primaryCode(SQLException e) {
        if (e instanceof SQLiteException se) {
            return se.getResultCode().code & 0xff;
        }
        return e.getErrorCode() & 0xff;
    }
}

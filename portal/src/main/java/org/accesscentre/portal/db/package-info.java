/**
 * The portal's database: SQLite in one file by default, PostgreSQL for several instances. Plain JDBC with
 * bound parameters, Flyway migrations per dialect, HikariCP.
 */
@NullMarked
package org.accesscentre.portal.db;

import org.jspecify.annotations.NullMarked;

package org.accesscentre.sync.release;

/**
 * Told each point an install reaches, such as {@code unpack.extracted}, just before the installer goes on.
 * The daemon logs them; crash tests stop the installer at each one and kill it there.
 */
@FunctionalInterface
public interface InstallProgress {
    InstallProgress NONE = point -> {};

    void at(String point);
}

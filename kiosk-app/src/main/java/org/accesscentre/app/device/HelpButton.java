package org.accesscentre.app.device;

/** The physical "call the attendant" button. */
public interface HelpButton extends AutoCloseable {
    /**
     * Calls {@code listener} once for each press, after debouncing, on a hardware or event thread: the caller
     * moves to the FX thread itself. A later call replaces the listener.
     */
    void onPressed(Runnable listener);

    @Override
    void close();
}

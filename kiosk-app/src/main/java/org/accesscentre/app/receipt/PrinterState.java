package org.accesscentre.app.receipt;

/**
 * What a receipt printer says about itself before it is asked to print. The wire words are the ones
 * kiosk-core's {@code PrinterStatus} and the portal's heartbeat carry, so the attendant's dashboard reads the
 * same state the kiosk saw.
 */
public enum PrinterState {
    /** Ready: a print now comes out. */
    OK("ok"),
    /**
     * Ready, but the paper-low sensor is on: prints still come out, and the attendant should have a new roll
     * ready. The portal's heartbeat does not know this word; the daemon reports it there as {@code ok}.
     */
    PAPER_LOW("paper_low"),
    PAPER_OUT("paper_out"),
    COVER_OPEN("cover_open"),
    /** Switched off, unplugged, or not answering. */
    OFFLINE("offline"),
    /** Answering, but reporting a fault the attendant cannot clear by adding paper or closing the cover. */
    ERROR("error"),
    /** The kiosk has no printer. */
    NONE("none");

    private final String wire;

    PrinterState(String wire) {
        this.wire = wire;
    }

    /** The state as {@code PrinterStatus.state} and the heartbeat spell it, such as {@code paper_out}. */
    public String wire() {
        return wire;
    }
}

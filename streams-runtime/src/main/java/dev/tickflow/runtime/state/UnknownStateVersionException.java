package dev.tickflow.runtime.state;

/** A stored value of a version this code does not read: written by a newer version, or by one no longer supported. */
public final class UnknownStateVersionException extends IllegalStateException {

    private final int version;

    /**
     * @param codec   what the value is ({@link StateCodec#name()})
     * @param version the version found in the header
     * @param current the newest version this code reads
     */
    public UnknownStateVersionException(String codec, int version, int current) {
        super("Cannot read the stored " + codec + ": it has state version " + version + ", and this code reads versions 1 to "
                + current + ". It was written by another (probably newer) version of Tickflow: run that version or a newer one,"
                + " or start the state afresh by resetting the service's application (its stores and changelog topics).");
        this.version = version;
    }

    /** The version found in the header. */
    public int version() {
        return version;
    }
}

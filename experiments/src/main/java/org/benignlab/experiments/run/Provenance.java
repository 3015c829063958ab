package org.benignlab.experiments.run;

/** Build facts recorded with every run. */
public final class Provenance {
    private Provenance() {
    }

    /** The framework version from the jar manifest, or {@code dev} when run from classes. */
    public static String version() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * The git commit the launcher found ({@code -Dbenign.git.commit}, set by the {@code benign}
     * script from the checkout it runs in), or {@code unknown}.
     */
    public static String gitCommit() {
        String c = System.getProperty("benign.git.commit", "");
        return c.isBlank() ? "unknown" : c.strip();
    }
}

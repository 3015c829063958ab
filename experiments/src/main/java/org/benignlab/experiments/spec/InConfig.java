package org.benignlab.experiments.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a component of a spec record appears in the resolved configuration ({@link RecordBinder#toMap}: what
 * config.yaml and manifest.json hold) and so in the run key, which is a hash of that configuration and seeds
 * the run's random streams. A component without this annotation is always written.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface InConfig {
    /** When the component is written. */
    When value();

    /** When a component is written to the resolved configuration. */
    enum When {
        /**
         * Only when it holds a value (not null). For optional components added after run keys existed: a file
         * that does not use them keeps its run key, its seeds and so its numbers.
         */
        IF_SET,
        /**
         * Never: read from YAML, but it changes no number (e.g. which arrays to save), so it must not change
         * the run key or the seeds.
         */
        NEVER,
        /**
         * Neither read from YAML (its key is unknown there) nor written: filled in by the loader
         * ({@link ExperimentLoader}), e.g. the folder that relative data paths are resolved against.
         */
        INTERNAL
    }
}

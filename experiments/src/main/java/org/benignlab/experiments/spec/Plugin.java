package org.benignlab.experiments.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.benignlab.api.ExtensionPoint;

/**
 * Marks a {@link PluginChoice} component of a spec record with the extension point it chooses from,
 * and the type used when the YAML leaves the block out.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Plugin {
    /** The extension point. */
    ExtensionPoint value();

    /** The type key used when the block is absent or has no {@code type}. */
    String defaultType();
}

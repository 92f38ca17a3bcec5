package dev.rover.core.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.loader.ResourceLocator;

import java.io.IOException;
import java.nio.charset.Charset;

/**
 * The resource locator of every Rover template engine: it refuses everything, so {@code include},
 * {@code import}, {@code from} and {@code extends} cannot read files or the embedding application's
 * classpath (Jinjava's default locator reads classpath resources such as {@code META-INF/MANIFEST.MF}).
 */
final class NoResources implements ResourceLocator {

    static final NoResources INSTANCE = new NoResources();

    /** Why a template may not load another one; shared with the definition check. */
    static final String REASON = "templates cannot include, import or extend other templates "
            + "(include, import, from and extends are disabled)";

    private NoResources() {
    }

    @Override
    public String getString(String fullName, Charset encoding, JinjavaInterpreter interpreter) throws IOException {
        throw new IOException("'" + fullName + "' was not loaded: " + REASON);
    }
}

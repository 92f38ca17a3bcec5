package dev.rover.browser;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs Rover's own page scripts (the observer, the facts an action reads, a replay's lookup) through Chromium's
 * DevTools protocol rather than Playwright's {@code evaluate}: one round trip that Playwright's driver does not
 * wrap (about a millisecond less per call), and one a trace does not snapshot, since reading the page is not an
 * action. Each script is installed once per window under a property named per JVM (a page cannot know it in
 * advance, and cannot replace it) and called by that name afterwards, so its source crosses the wire once per
 * document; its argument and its result cross as text.
 *
 * <p>A tab's main frame is reached through the tab's session and an out-of-process frame through its own. Any
 * other frame, or a browser without DevTools, gets an empty answer, and the caller uses Playwright. Call on the
 * browser's owning thread.
 */
public final class DevToolsCalls {

    private static final Logger log = LoggerFactory.getLogger(DevToolsCalls.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Each tab's session, or an empty one when the browser refused to open it. */
    private static final Map<Page, Optional<CDPSession>> PAGES = new ConcurrentHashMap<>();
    /** For each frame, the URL it showed when each script (by property) was installed in it. */
    private static final Map<Frame, Map<String, String>> INSTALLED_AT = Collections.synchronizedMap(new WeakHashMap<>());

    /** Each out-of-process frame's session; empty for a frame that shares its parent's process. */
    private static final Map<Frame, Optional<CDPSession>> FRAMES = Collections.synchronizedMap(new WeakHashMap<>());

    private DevToolsCalls() {
    }

    /**
     * A page script: a function of one argument that returns text (JSON text for anything structured), the window
     * property it is installed in, and, for a script made by {@link #returningJson}, the function itself, which a
     * frame DevTools cannot reach runs through Playwright ({@link #evaluate}).
     */
    public record Script(String source, String property, String function) {

        /** A script of text installed under this property. */
        public Script(String source, String property) {
            this(source, property, null);
        }

        /** A script installed under a fresh property name. */
        public static Script of(String source) {
            return new Script(source, "__rover_" + Long.toHexString(RANDOM.nextLong()));
        }

        /** A script for a function of one argument that returns a structure: it crosses as JSON text ({@link #evaluate}). */
        public static Script returningJson(String function) {
            Script installed = of("(a) => JSON.stringify((" + function + ")(a))");
            return new Script(installed.source(), installed.property(), function);
        }
    }

    /**
     * Calls the script in the frame's main world with {@code argumentJson} (a JSON value) as its argument.
     *
     * @return the text it returned ({@code null} when it returned nothing), or empty when no DevTools session
     *         reaches this frame
     * @throws PlaywrightException when the script threw or the frame's document went away meanwhile
     */
    public static Optional<String> call(Frame frame, Script script, String argumentJson) {
        Optional<CDPSession> session = session(frame);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        String property = "'" + script.property() + "'";
        String url = frame.url();
        // a frame showing another URL than when the script was installed holds a new document: install it straight away
        Map<String, String> installed = INSTALLED_AT.computeIfAbsent(frame, f -> new ConcurrentHashMap<>());
        JsonObject result = url.equals(installed.get(script.property())) ? evaluate(session.get(),
                "(() => { const f = window[" + property + "]; return typeof f === 'function' ? {text: f(" + argumentJson + ")} : null; })()")
                : null;
        if (result == null) {
            result = evaluate(session.get(), "(() => { const f = window[" + property + "] || (" + script.source() + ");"
                    + " try { Object.defineProperty(window, " + property + ", {value: f}); } catch (e) { }"
                    + " return {text: f(" + argumentJson + ")}; })()");
            installed.put(script.property(), url);
        }
        JsonElement text = result == null ? null : result.get("text");
        return Optional.of(text == null || text.isJsonNull() ? "null" : text.getAsString());
    }

    /**
     * Calls a {@link Script#returningJson} script with this argument and reads its result as {@code type}: through
     * DevTools where it reaches the frame, else through Playwright's {@code evaluate} (once either way: a null result
     * is an answer, not a reason to ask again).
     *
     * @return the result, {@code null} for a null one
     * @throws PlaywrightException when the script threw, the frame's document went away, or the result is unreadable
     */
    public static <T> T evaluate(Frame frame, Script script, Object argument, Class<T> type) {
        if (script.function() == null) {
            throw new IllegalArgumentException("only a script made by Script.returningJson has a result to read");
        }
        Optional<String> json = call(frame, script, json(argument));
        if (json.isEmpty()) {
            return type.cast(frame.evaluate(script.function(), argument));
        }
        try {
            return dev.rover.core.json.Json.mapper().readValue(json.get(), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new PlaywrightException("a page script's result came back unreadable: " + e.getOriginalMessage());
        }
    }

    /** A value as the JSON text {@link #call} takes as an argument. */
    public static String json(Object value) {
        try {
            return dev.rover.core.json.Json.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The tab's DevTools session (one per tab for its life), or empty when the browser offers none. */
    public static Optional<CDPSession> session(Page page) {
        return PAGES.computeIfAbsent(page, DevToolsCalls::open);
    }

    /** Forgets a tab's session after it failed, so the next call opens a new one or falls back. */
    public static void forget(Page page) {
        PAGES.remove(page);
    }

    private static Optional<CDPSession> session(Frame frame) {
        if (frame.isDetached()) {
            return Optional.empty();
        }
        if (frame.parentFrame() == null) {
            return session(frame.page());
        }
        return FRAMES.computeIfAbsent(frame, f -> {
            try {
                return Optional.of(f.page().context().newCDPSession(f));
            } catch (PlaywrightException e) {
                return Optional.empty(); // a frame in its parent's process has no session of its own
            }
        });
    }

    private static Optional<CDPSession> open(Page page) {
        page.onClose(closed -> PAGES.remove(closed));
        try {
            return Optional.of(page.context().newCDPSession(page));
        } catch (PlaywrightException e) {
            log.debug("no DevTools session for {}: {}", page.url(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The value of the expression as a JSON object, null for a null value. */
    private static JsonObject evaluate(CDPSession session, String expression) {
        JsonObject params = new JsonObject();
        params.addProperty("expression", expression);
        params.addProperty("returnByValue", true);
        JsonObject response = session.send("Runtime.evaluate", params);
        if (response.has("exceptionDetails")) {
            JsonObject details = response.getAsJsonObject("exceptionDetails");
            JsonObject exception = details.has("exception") ? details.getAsJsonObject("exception") : null;
            String message = exception != null && exception.has("description") ? exception.get("description").getAsString()
                    : details.has("text") ? details.get("text").getAsString() : "the page script failed";
            // the description goes on with the script's stack, of no use to anyone reading the reason
            throw new PlaywrightException(message.lines().findFirst().orElse(message));
        }
        JsonObject result = response.getAsJsonObject("result");
        JsonElement value = result == null ? null : result.get("value");
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : null;
    }
}

package dev.rover.samples.replay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The replay benchmark's page on 127.0.0.1: a form of ten controls (seven fields, a select, a checkbox and a submit
 * button), in its recorded shape or changed (the two last buttons swapped, so a recorded selector finds the wrong
 * one), and the page the form is sent to, which counts what it received.
 */
final class ReplayFormServer implements AutoCloseable {

    static final String[] FIELDS = {"first_name", "last_name", "email", "phone", "company", "city", "postcode"};

    private final HttpServer server;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger sentComplete = new AtomicInteger();
    private volatile boolean changed;

    ReplayFormServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the benchmark page", e);
        }
        server.createContext("/form", ex -> send(ex, form()));
        server.createContext("/done", ex -> {
            String query = ex.getRequestURI().getRawQuery();
            sent.incrementAndGet();
            if (query != null && query.contains("action=send") && query.contains("terms=on") && query.contains("plan=pro")) {
                sentComplete.incrementAndGet();
            }
            send(ex, "<html><head><title>Sent</title></head><body><h1>Application sent</h1></body></html>");
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/form";
    }

    /** Shows the changed page (true) or the recorded one (false). */
    void changed(boolean value) {
        changed = value;
    }

    /** How many complete submissions (every control used, the right button) arrived. */
    int completeSubmissions() {
        return sentComplete.get();
    }

    private String form() {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><title>Application</title></head><body>"
                + "<h1>Application</h1><form action=\"/done\" method=\"get\">");
        for (String field : FIELDS) {
            String label = field.substring(0, 1).toUpperCase() + field.substring(1).replace('_', ' ');
            html.append("<p><label for=\"").append(field).append("\">").append(label).append("</label> <input id=\"")
                    .append(field).append("\" name=\"").append(field).append("\"></p>");
        }
        html.append("<p><label for=\"plan\">Plan</label> <select id=\"plan\" name=\"plan\"><option value=\"free\">Free</option>"
                + "<option value=\"pro\">Pro</option></select></p>"
                + "<p><label><input type=\"checkbox\" name=\"terms\"> I accept the terms</label></p>");
        String send = "<button id=\"send\" name=\"action\" value=\"send\" type=\"submit\">Send application</button>";
        String draft = "<button id=\"draft\" name=\"action\" value=\"draft\" type=\"submit\">Save draft</button>";
        if (changed) {
            // the ids trade places: #send now names the draft button
            send = send.replace("id=\"send\"", "id=\"draft\"");
            draft = draft.replace("id=\"draft\"", "id=\"send\"");
            html.append(draft).append(' ').append(send);
        } else {
            html.append(send).append(' ').append(draft);
        }
        return html.append("</form></body></html>").toString();
    }

    private static void send(HttpExchange ex, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

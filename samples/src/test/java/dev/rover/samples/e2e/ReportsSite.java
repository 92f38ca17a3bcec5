package dev.rover.samples.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for {@code https://example.com/reports}, the site {@code conditional-retry.json} was written for:
 * HTTPS on 127.0.0.1 with a self-signed certificate made by the JDK's keytool. A run's Chromium reaches it through
 * {@link #chromiumArgs()} (a host-resolver rule plus trust in exactly this certificate). The latest report's
 * page says "processing" and polls its status until the test calls {@link #markReady()}, then shows its rows.
 */
final class ReportsSite implements AutoCloseable {

    static final String REPORT_ID = "RPT-2026-118";
    static final String GENERATED_AT = "2026-11-30T08:15:00Z";
    static final int ROWS = 3;
    private static final String PASSWORD = "stand-in-keystore";

    private final HttpsServer server;
    private final String spkiHash;
    private final List<String> hosts = new CopyOnWriteArrayList<>();
    private volatile boolean ready;

    private ReportsSite(HttpsServer server, String spkiHash) {
        this.server = server;
        this.spkiHash = spkiHash;
    }

    /** Makes a certificate for example.com in {@code folder} and serves the reports over HTTPS on 127.0.0.1. */
    static ReportsSite start(Path folder) {
        try {
            Path keystore = folder.resolve("example-com.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "site", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=example.com",
                    "-ext", "SAN=dns:example.com", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
            String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool could not make the stand-in certificate: " + said);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, PASSWORD.toCharArray());
            }
            Certificate certificate = store.getCertificate("site");
            String hash = Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            ReportsSite site = new ReportsSite(server, hash);
            server.createContext("/", site::handle);
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("could not load the stand-in certificate", e);
        }
    }

    /** Chromium switches that send example.com to this server and trust its certificate (and no other bad one). */
    List<String> chromiumArgs() {
        return List.of("--host-resolver-rules=MAP example.com:443 127.0.0.1:" + server.getAddress().getPort(),
                "--ignore-certificate-errors-spki-list=" + spkiHash);
    }

    /** The report finishes processing: its page shows the status ready and its rows at its next poll. */
    void markReady() {
        ready = true;
    }

    /** The Host headers of every request served, in order. */
    List<String> hosts() {
        return hosts;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/reports")) {
                send(exchange, 200, "text/html", page("Reports", "<h1>Reports</h1><ul>"
                        + "<li><a href=\"/reports/" + REPORT_ID + "\">Latest report " + REPORT_ID + "</a></li>"
                        + "<li><a href=\"/reports/RPT-2026-117\">Report RPT-2026-117 (last week)</a></li></ul>"));
            } else if (path.equals("/reports/" + REPORT_ID)) {
                send(exchange, 200, "text/html", page("Report " + REPORT_ID, "<h1>Report details</h1>"
                        + "<p>Report ID: " + REPORT_ID + "</p><p id=\"status\">Status: processing</p><div id=\"rows\"></div>"
                        + "<script>async function poll(){const r=await fetch('/reports/" + REPORT_ID + "/status');"
                        + "const s=await r.json(); if(!s.ready){setTimeout(poll,200);return;}"
                        + "document.getElementById('status').textContent='Status: ready';"
                        + "document.getElementById('rows').innerHTML=s.html;} poll();</script>"));
            } else if (path.equals("/reports/" + REPORT_ID + "/status")) {
                send(exchange, 200, "application/json", ready ? "{\"ready\": true, \"html\": \"" + readyHtml() + "\"}" : "{\"ready\": false}");
            } else {
                send(exchange, 404, "text/plain", "no such page");
            }
        }
    }

    private static String readyHtml() {
        StringBuilder rows = new StringBuilder("<p>Generated at: " + GENERATED_AT + "</p><p>Row count: " + ROWS + "</p>"
                + "<table><tr><th>Region</th><th>Orders</th></tr>");
        for (int i = 1; i <= ROWS; i++) {
            rows.append("<tr><td>Region ").append(i).append("</td><td>").append(100 * i).append("</td></tr>");
        }
        return rows.append("</table><a href='/reports/").append(REPORT_ID).append(".csv'>Download CSV</a>").toString();
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><title>" + title + "</title></head><body>" + body + "</body></html>";
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

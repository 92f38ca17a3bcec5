package dev.rover.samples.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A plain-HTTP forward proxy on 127.0.0.1, standing in for the residential proxy Skyvern exports ask for
 * ({@code proxy_location: RESIDENTIAL}): it forwards each connection to the host its first request names
 * and records the URLs it saw, so a test can check the browser really went through it.
 */
final class ForwardingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<String> urls = new CopyOnWriteArrayList<>();

    private ForwardingProxy() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.submit(this::accept);
    }

    static ForwardingProxy start() throws IOException {
        return new ForwardingProxy();
    }

    String address() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The absolute URLs of the first request on each connection. */
    List<String> urls() {
        return urls;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                pool.submit(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String requestLine = readLine(in);
            String[] parts = requestLine.split(" ");
            if (parts.length != 3 || !parts[1].startsWith("http://")) {
                client.getOutputStream().write("HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            URI target = URI.create(parts[1]);
            urls.add(parts[1]);
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            if (target.getRawQuery() != null) {
                path += "?" + target.getRawQuery();
            }
            try (Socket upstream = new Socket(target.getHost(), target.getPort() < 0 ? 80 : target.getPort())) {
                OutputStream up = upstream.getOutputStream();
                up.write((parts[0] + " " + path + " " + parts[2] + "\r\n").getBytes(StandardCharsets.US_ASCII));
                pool.submit(() -> pipe(in, up));
                pipe(upstream.getInputStream(), client.getOutputStream());
            }
        } catch (IOException ignored) {
            // the browser or the site closed the connection
        }
    }

    private static void pipe(InputStream from, OutputStream to) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = from.read(buffer)) > 0; ) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException ignored) {
            // one side closed
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}

package dev.rover.core.store;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server for tests: initdb into a temporary directory, started with pg_ctl on a free
 * port of 127.0.0.1, password authentication, stopped and deleted when the test run ends. One server is
 * shared by every test class of a JVM (JUnit's root store closes it); each test takes its own schema.
 * As root (CI) the server runs as the unprivileged {@code postgres} user (else {@code nobody}) through
 * {@code runuser}, since PostgreSQL refuses to run as root. Missing binaries fail the test, never skip it.
 *
 * <p>Use it as an extension: {@code @ExtendWith(PostgresServer.Extension.class)} and a {@code PostgresServer}
 * parameter on a test, lifecycle method or constructor.
 */
public final class PostgresServer implements AutoCloseable {

    /** The database every test schema lives in. */
    public static final String DATABASE = "rover_test";
    /** The superuser initdb creates. */
    public static final String USER = "rover";

    private static final Path INSTALL_ROOT = Path.of("/usr/lib/postgresql");
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private final Path dir;
    private final Path bin;
    private final String account;
    private final String password;
    private final int port;

    private PostgresServer(Path dir, Path bin, String account, String password, int port) {
        this.dir = dir;
        this.bin = bin;
        this.account = account;
        this.password = password;
        this.port = port;
    }

    /** Resolves {@link PostgresServer} parameters to the server shared by the whole test run. */
    public static final class Extension implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == PostgresServer.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(PostgresServer.class, key -> start(), PostgresServer.class);
        }
    }

    /** Starts a new server; prefer the shared one through {@link Extension}. */
    public static PostgresServer start() {
        Path bin = binaries(INSTALL_ROOT);
        String password = HexFormat.of().formatHex(randomBytes(12));
        try {
            Path dir = Files.createTempDirectory("rover-pg-");
            String account = isRoot() ? unprivilegedAccount() : null;
            Path pwfile = Files.writeString(dir.resolve("pwfile"), password + "\n");
            if (account != null) {
                UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(account);
                Files.setOwner(dir, owner);
                Files.setOwner(pwfile, owner);
            }
            PostgresServer server = null;
            IllegalStateException last = null;
            run(bin, account, dir, "initdb", "-D", dir.resolve("data").toString(), "-U", USER, "--pwfile=" + pwfile,
                    "-A", "scram-sha-256", "-E", "UTF8", "--no-sync");
            for (int attempt = 0; attempt < 3 && server == null; attempt++) {
                int port = freePort();
                try {
                    run(bin, account, dir, "pg_ctl", "-D", dir.resolve("data").toString(), "-l",
                            dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                            "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                                    + " -c synchronous_commit=off -c full_page_writes=off", "start");
                    server = new PostgresServer(dir, bin, account, password, port);
                } catch (IllegalStateException e) {
                    last = e;
                }
            }
            if (server == null) {
                throw last;
            }
            server.execute("postgres", "CREATE DATABASE " + DATABASE);
            PostgresServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stopQuietly, "postgres-test-server-stop"));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the PostgreSQL test server's directory: " + e.getMessage(), e);
        }
    }

    /** The port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The superuser's password. */
    public String password() {
        return password;
    }

    /** A JDBC URL on a new, empty schema of {@link #DATABASE}, credentials included. */
    public String newSchemaUrl() {
        String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        execute(DATABASE, "CREATE SCHEMA " + schema);
        return jdbcUrl(DATABASE) + "&currentSchema=" + schema;
    }

    /** The JDBC URL of a database, credentials included. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER + "&password=" + password;
    }

    private void execute(String database, String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database)); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test server on port " + port + ": '" + sql + "' failed: "
                    + e.getMessage(), e);
        }
    }

    /** Stops the server and deletes its directory. */
    @Override
    public void close() {
        stopQuietly();
    }

    private synchronized void stopQuietly() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            run(bin, account, dir, "pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (RuntimeException e) {
            System.err.println("stopping the PostgreSQL test server failed: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("deleting " + dir + " failed: " + e.getMessage());
        }
    }

    /** The newest PostgreSQL's bin directory under {@code installRoot}; a clear failure when there is none. */
    static Path binaries(Path installRoot) {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(installRoot)) {
            try (Stream<Path> versions = Files.list(installRoot)) {
                versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found.stream().max(Comparator.comparingInt(PostgresServer::majorVersion)).orElseThrow(() ->
                new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl) are missing: nothing under "
                        + installRoot + "/*/bin. The PostgreSQL store tests need them: install Debian's postgresql"
                        + " package (apt-get install postgresql), as .ci/run does."));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String unprivilegedAccount() {
        for (String name : List.of("postgres", "nobody")) {
            try {
                Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
                return name;
            } catch (IOException notThere) {
                // try the next one
            }
        }
        throw new IllegalStateException("running as root, the PostgreSQL test server needs an unprivileged account"
                + " ('postgres' or 'nobody'), and neither exists");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(Path bin, String account, Path dir, String program, String... args) {
        List<String> command = new ArrayList<>();
        if (account != null) {
            command.addAll(List.of("runuser", "-u", account, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            boolean ended = process.waitFor(120, TimeUnit.SECONDS);
            String output = new String(process.getInputStream().readAllBytes());
            if (!ended) {
                process.destroyForcibly();
            }
            if (!ended || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed" + (ended ? " with exit code "
                        + process.exitValue() : " to finish in 120 s") + ":\n" + output + serverLog(dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + program, e);
        }
    }

    private static String serverLog(Path dir) {
        return Optional.of(dir.resolve("server.log")).filter(Files::isReadable).map(p -> {
            try {
                return "\nserver.log:\n" + Files.readString(p);
            } catch (IOException e) {
                return "";
            }
        }).orElse("");
    }
}

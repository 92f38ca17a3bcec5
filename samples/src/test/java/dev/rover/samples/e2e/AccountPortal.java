package dev.rover.samples.e2e;

import static dev.rover.samples.e2e.StandInHttp.form;
import static dev.rover.samples.e2e.StandInHttp.html;
import static dev.rover.samples.e2e.StandInHttp.redirect;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The pages the generic Skyvern exports {@code login-and-extract.json} and {@code multi-page-form.json}
 * were written for, with the labels their goals use: a sign-in form leading to an account dashboard
 * (account name, balance, due date), and a two-page intake form (details, then review and submit)
 * that records each submission so a test can check it was submitted exactly once; the dashboard also
 * searches a job board ({@code job-application-filler.yaml}) whose jobs each have an application form.
 */
final class AccountPortal implements AutoCloseable {

    /** One job of the job board. */
    record Job(String id, String title, String employer, String location, String type) {
    }

    /** One submitted job application. */
    record Application(String jobId, String fullName, String email, String motivation) {
    }

    static final List<Job> JOBS = List.of(
            new Job("pastry-lead", "Pastry Lead", "Harbor Lane Bakery", "Portland, USA", "full-time"),
            new Job("bread-baker", "Bread Baker", "Crumb & Co", "Seattle, USA", "part-time"));

    /** One submitted intake form. */
    record Submission(String firstName, String lastName, String email) {
    }

    static final String ACCOUNT_NAME = "Harbor Lane Bakery";
    static final String BALANCE = "$1,284.50";
    static final String DUE_DATE = "2026-07-15";
    static final String CONFIRMATION = "CNF-48213";

    private final HttpServer server;
    private final String username;
    private final String password;
    private final List<Submission> submissions = new CopyOnWriteArrayList<>();
    private final List<Application> applications = new CopyOnWriteArrayList<>();
    private volatile boolean signedIn;

    private AccountPortal(String username, String password) throws IOException {
        this.username = username;
        this.password = password;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static AccountPortal start(String username, String password) throws IOException {
        return new AccountPortal(username, password);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The intake forms submitted so far. */
    List<Submission> submissions() {
        return submissions;
    }

    /** The job applications submitted so far. */
    List<Application> applications() {
        return applications;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            boolean post = "POST".equals(ex.getRequestMethod());
            Map<String, String> f = post ? form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    : form(ex.getRequestURI().getRawQuery());
            switch (path) {
                case "/login" -> {
                    if (post) {
                        signedIn = username.equals(f.get("username")) && password.equals(f.get("password"));
                        redirect(ex, signedIn ? "/dashboard" : "/login");
                        return;
                    }
                    html(ex, "Sign in", "<h1>Sign in</h1><form method=\"post\" action=\"/login\">"
                            + "<label for=\"username\">Username</label><input id=\"username\" name=\"username\" type=\"text\">"
                            + "<label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\">"
                            + "<button type=\"submit\">Log in</button></form>");
                }
                case "/dashboard" -> {
                    if (!signedIn) {
                        redirect(ex, "/login");
                        return;
                    }
                    html(ex, "Account Dashboard", "<h1>Account Dashboard</h1><section>"
                            + "<p>Account name: " + ACCOUNT_NAME + "</p><p>Current balance: " + BALANCE + "</p>"
                            + "<p>Next due date: " + DUE_DATE + "</p></section><form method=\"get\" action=\"/jobs\">"
                            + "<label for=\"q\">Search jobs</label><input id=\"q\" name=\"q\" type=\"search\">"
                            + "<button type=\"submit\">Search</button></form>");
                }
                case "/intake" -> html(ex, "Personal Info", "<h1>Personal Info</h1><form method=\"get\" action=\"/intake/review\">"
                        + "<label for=\"first_name\">First name</label><input id=\"first_name\" name=\"first_name\" type=\"text\">"
                        + "<label for=\"last_name\">Last name</label><input id=\"last_name\" name=\"last_name\" type=\"text\">"
                        + "<label for=\"email\">Email</label><input id=\"email\" name=\"email\" type=\"email\">"
                        + "<button type=\"submit\">Continue</button></form>");
                case "/intake/review" -> html(ex, "Review and Submit", "<h1>Review and Submit</h1>"
                        + "<p>First name: " + escape(f.get("first_name")) + "</p><p>Last name: " + escape(f.get("last_name"))
                        + "</p><p>Email: " + escape(f.get("email")) + "</p><form method=\"post\" action=\"/intake/submit\">"
                        + hidden("first_name", f) + hidden("last_name", f) + hidden("email", f)
                        + "<button type=\"submit\">Submit</button></form>");
                case "/intake/submit" -> {
                    if (!post) {
                        redirect(ex, "/intake");
                        return;
                    }
                    submissions.add(new Submission(f.get("first_name"), f.get("last_name"), f.get("email")));
                    redirect(ex, "/intake/confirmation");
                }
                case "/intake/confirmation" -> html(ex, "Submission Confirmation", "<h1>Thank you</h1>"
                        + "<p>Confirmation number: " + CONFIRMATION + "</p><p>Status: Submitted</p>");
                case "/jobs" -> {
                    StringBuilder list = new StringBuilder("<h1>Jobs matching " + escape(f.get("q")) + "</h1><ul>");
                    for (Job job : JOBS) {
                        list.append("<li><a href=\"/jobs/").append(job.id()).append("\">").append(job.title()).append("</a> at ")
                                .append(job.employer()).append(", ").append(job.location()).append(" (").append(job.type()).append(")</li>");
                    }
                    html(ex, "Jobs", list + "</ul>");
                }
                default -> jobPage(ex, path, post, f);
            }
        }
    }

    private void jobPage(HttpExchange ex, String path, boolean post, Map<String, String> f) throws IOException {
        for (Job job : JOBS) {
            String base = "/jobs/" + job.id();
            if (path.equals(base)) {
                html(ex, job.title(), "<h1>" + job.title() + "</h1><p>Employer: " + job.employer() + "</p><p>Location: "
                        + job.location() + "</p><p>Type: " + job.type() + "</p><a href=\"" + base + "/apply\">Apply</a>");
                return;
            }
            if (path.equals(base + "/apply")) {
                if (post) {
                    applications.add(new Application(job.id(), f.get("full_name"), f.get("email"), f.get("motivation")));
                    html(ex, "Application submitted", "<h1>Application submitted</h1><p>Thank you for applying to "
                            + job.title() + ".</p>");
                    return;
                }
                html(ex, "Apply: " + job.title(), "<h1>Application for " + job.title() + "</h1><form method=\"post\" action=\""
                        + base + "/apply\"><label for=\"full_name\">Full name</label><input id=\"full_name\" name=\"full_name\" required>"
                        + "<label for=\"email\">Email</label><input id=\"email\" name=\"email\" type=\"email\" required>"
                        + "<label for=\"motivation\">Why do you want this role?</label><textarea id=\"motivation\" name=\"motivation\"></textarea>"
                        + "<button type=\"submit\">Submit application</button></form>");
                return;
            }
        }
        redirect(ex, "/login");
    }

    private static String hidden(String name, Map<String, String> f) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(f.get(name)) + "\">";
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.rover.blocks.types;

import dev.rover.core.definition.BlockDefinition;
import dev.rover.core.env.EnvironmentVariables;
import dev.rover.core.exec.BlockContext;
import dev.rover.core.exec.BlockResult;
import dev.rover.core.exec.BlockType;
import dev.rover.core.exec.RunSecrets;
import dev.rover.core.json.Json;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code send_email}: sends {@code subject} and {@code body} from {@code sender} to {@code recipients}
 * over SMTP (Angus Mail), with {@code file_attachments} (files, URLs, or {@code SKYVERN_DOWNLOAD_DIRECTORY}
 * for every file the run downloaded). Host, port, username and password come from the parameters the
 * {@code smtp_*_secret_parameter_key} fields name (typically {@code aws_secret}s), else from
 * {@code ROVER_SMTP_HOST}, {@code ROVER_SMTP_PORT}, {@code ROVER_SMTP_USERNAME}, {@code ROVER_SMTP_PASSWORD}.
 * Port 465 speaks TLS from the start; any other port upgrades with STARTTLS when the server offers it
 * (587 requires it).
 */
public final class SendEmailBlock implements BlockType {

    private static final int TIMEOUT_MS = 30_000;

    @Override
    public String type() {
        return "send_email";
    }

    @Override
    public BlockResult execute(BlockDefinition block, BlockContext context) throws InterruptedException {
        String where = "send_email block '" + block.label() + "'";
        RunSecrets secrets = context.services().secrets();
        EnvironmentVariables env = context.services().environment();
        String host;
        int port;
        String username;
        String password;
        try {
            host = smtp(block, context, "smtp_host_secret_parameter_key", env, "ROVER_SMTP_HOST", true);
            String portText = smtp(block, context, "smtp_port_secret_parameter_key", env, "ROVER_SMTP_PORT", false);
            port = portText == null ? 587 : Integer.parseInt(portText.trim());
            username = smtp(block, context, "smtp_username_secret_parameter_key", env, "ROVER_SMTP_USERNAME", false);
            password = smtp(block, context, "smtp_password_secret_parameter_key", env, "ROVER_SMTP_PASSWORD", false);
        } catch (NumberFormatException e) {
            return BlockResult.failed(where + ": the SMTP port is not a number");
        } catch (IllegalArgumentException e) {
            return BlockResult.failed(where + ": " + e.getMessage());
        }
        List<String> recipients = new ArrayList<>();
        Object listed = block.field("recipients").orElse(List.of());
        for (Object r : listed instanceof List<?> list ? list : List.of(listed)) {
            for (String address : String.valueOf(valueOrKey(String.valueOf(r), context)).split("[,;]")) {
                if (!address.isBlank()) {
                    recipients.add(address.trim());
                }
            }
        }
        if (recipients.isEmpty()) {
            return BlockResult.failed(where + " has no recipients");
        }
        String sender = block.string("sender").filter(s -> !s.isBlank()).orElse(username);
        if (sender == null) {
            return BlockResult.failed(where + " has no sender");
        }
        String subject = text(valueOrKey(block.string("subject").orElse(""), context));
        String body = text(valueOrKey(block.string("body").orElse(""), context));
        List<Path> attachments = new ArrayList<>();
        try {
            for (Object a : block.list("file_attachments")) {
                String ref = text(valueOrKey(String.valueOf(a), context));
                if (!ref.isBlank()) {
                    attachments.addAll(RunFiles.files(ref, context.services()));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return BlockResult.failed(secrets.redact(where + " could not attach a file: " + e.getMessage()));
        }
        try {
            send(host, port, username, password, sender, recipients, subject, body, attachments);
        } catch (MessagingException | IOException e) {
            return BlockResult.failed(secrets.redact(where + " could not send through " + host + ":" + port + ": "
                    + rootMessage(e)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", true);
        out.put("recipients", recipients);
        out.put("subject", subject);
        out.put("attachments", attachments.stream().map(p -> p.getFileName().toString()).toList());
        return BlockResult.completed(secrets.redactDeep(out));
    }

    private static void send(String host, int port, String username, String password, String sender, List<String> recipients,
                             String subject, String body, List<Path> attachments) throws MessagingException, IOException {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MS));
        props.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MS));
        props.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MS));
        if (port == 465) {
            props.put("mail.smtp.ssl.enable", "true");
            props.put("mail.smtp.ssl.checkserveridentity", "true");
        } else {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", String.valueOf(port == 587));
        }
        boolean auth = username != null && password != null;
        props.put("mail.smtp.auth", String.valueOf(auth));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(sender, true));
        for (String r : recipients) {
            message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(r, true));
        }
        message.setSubject(subject, "UTF-8");
        if (attachments.isEmpty()) {
            message.setText(body, "UTF-8");
        } else {
            MimeMultipart parts = new MimeMultipart();
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, "UTF-8");
            parts.addBodyPart(text);
            for (Path file : attachments) {
                MimeBodyPart part = new MimeBodyPart();
                part.attachFile(file.toFile());
                parts.addBodyPart(part);
            }
            message.setContent(parts);
        }
        if (auth) {
            Transport.send(message, username, password);
        } else {
            Transport.send(message);
        }
    }

    /** An SMTP setting: the real value of the parameter the field names, else the variable. */
    private static String smtp(BlockDefinition block, BlockContext context, String field, EnvironmentVariables env,
                               String variable, boolean required) {
        String key = block.string(field).filter(s -> !s.isBlank()).orElse(null);
        if (key != null) {
            Object value = context.values().get(key.trim());
            if (value == null) {
                throw new IllegalArgumentException(field + " names parameter '" + key + "', which has no value");
            }
            return context.services().secrets().resolve(String.valueOf(value));
        }
        String fromEnv = env.get(variable).orElse(null);
        if (fromEnv == null && required) {
            throw new IllegalArgumentException("no SMTP host: set " + field + " to a parameter (e.g. an aws_secret) or "
                    + variable + " in Rover's environment");
        }
        return fromEnv;
    }

    /** Skyvern lets subject, body, recipients and attachments name a parameter instead of holding text. */
    private static Object valueOrKey(String text, BlockContext context) {
        String key = text.trim();
        Object value = key.matches("[A-Za-z_][A-Za-z0-9_]*") ? context.values().get(key) : null;
        return value != null ? value : text;
    }

    private static String text(Object value) {
        return value instanceof String s ? s : Json.compact(value);
    }

    private static String rootMessage(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }

}

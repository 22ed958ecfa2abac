package cn.tongban.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One Spring Boot service of the federation run from its executable jar as a child process, with the
 * properties of {@link FederationLayout} on its command line and small-JVM settings for a 2-core machine.
 */
final class ServiceProcess {

    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FederationService service;
    private final ChildProcess process;
    private volatile String lastHealth = "not asked yet";

    private ServiceProcess(FederationService service, ChildProcess process) {
        this.service = service;
        this.process = process;
    }

    /** Starts the service; returns at once. */
    static ServiceProcess start(FederationService service, Path jar, Path javaBin, Path workDir,
                                DataDirectory data) throws IOException {
        return new ServiceProcess(service, ChildProcess.start(service.name(), command(service, jar, javaBin),
                workDir, data));
    }

    /**
     * The command line that runs {@code service} from {@code jar}. Each property becomes {@code --key=value};
     * values with non-ASCII characters (the centers' Chinese names) go instead into
     * {@code --spring.application.json} as JSON unicode escapes, because a JVM whose locale is not
     * UTF-8 turns non-ASCII command-line characters into '?', both when passing and when reading them.
     */
    static List<String> command(FederationService service, Path jar, Path javaBin) {
        List<String> command = new ArrayList<>();
        command.add(javaBin.toString());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        Map<String, String> nonAscii = new LinkedHashMap<>();
        service.properties().forEach((key, value) -> {
            if (isAscii(value)) {
                command.add("--" + key + "=" + value);
            } else {
                nonAscii.put(key, value);
            }
        });
        if (!nonAscii.isEmpty()) {
            command.add("--spring.application.json=" + asciiJson(nonAscii));
        }
        return command;
    }

    /** A flat JSON object of string values, every character outside printable ASCII escaped. */
    static String asciiJson(Map<String, String> properties) {
        return properties.entrySet().stream()
                .map(e -> jsonString(e.getKey()) + ":" + jsonString(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }

    FederationService service() {
        return service;
    }

    ChildProcess process() {
        return process;
    }

    /** The last answer of the health endpoint, for progress and time-out messages. */
    String lastHealth() {
        return lastHealth;
    }

    /**
     * Asks {@code /actuator/health} once.
     *
     * @return whether the service reports UP
     */
    boolean isUp(HttpClient http) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            lastHealth = "starting";
            return false;
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            lastHealth = "HTTP " + response.statusCode() + " (the health endpoint must not need a token)";
            return false;
        }
        String status = topLevelStatus(response.body());
        boolean up = response.statusCode() == 200 && "UP".equals(status);
        lastHealth = up ? "UP" : status + " (HTTP " + response.statusCode() + ") " + abbreviate(response.body());
        return up;
    }

    /** The overall status of a health answer (its components have statuses of their own). */
    static String topLevelStatus(String body) {
        try {
            return JSON.readTree(body).path("status").asText("NO_STATUS");
        } catch (JsonProcessingException e) {
            return "NOT_JSON";
        }
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }
}

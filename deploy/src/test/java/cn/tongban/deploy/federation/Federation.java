package cn.tongban.deploy.federation;

import cn.tongban.center.CenterApplication;
import cn.tongban.contracts.CenterCode;
import cn.tongban.platform.PlatformApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A federation in one JVM for end-to-end tests: the national platform and any number of centers, each a
 * full Spring Boot application on its own port and database, all on one real Kafka broker and one
 * MongoDB-wire server. Centers can be stopped and started again to play a center that is down.
 */
public final class Federation implements AutoCloseable {

    static final Map<String, String> NAMES = Map.of(
            "110000", "北京住房公积金管理中心",
            "310000", "上海市公积金管理中心",
            "440100", "广州住房公积金管理中心");

    private final String bootstrapServers;
    private final String mongoBase;
    private final String databasePrefix;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private ConfigurableApplicationContext platform;
    private final Map<String, ConfigurableApplicationContext> centers = new LinkedHashMap<>();

    /**
     * @param mongoBase e.g. {@code mongodb://127.0.0.1:27017} (no database)
     * @param databasePrefix keeps the databases of two federations on one server apart
     */
    public Federation(String bootstrapServers, String mongoBase, String databasePrefix) {
        this.bootstrapServers = bootstrapServers;
        this.mongoBase = mongoBase;
        this.databasePrefix = databasePrefix;
    }

    public Federation startPlatform() {
        return startPlatform(null, Map.of());
    }

    /** @param extra more properties, e.g. an item added to the catalogue */
    public Federation startPlatform(Map<String, Object> extra) {
        return startPlatform(null, extra);
    }

    /**
     * The platform on a business clock the test moves (deadlines, breaches), if one is given, and with
     * {@code overrides} of its properties, e.g. an item added to the catalogue.
     */
    public Federation startPlatform(Clock clock, Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(common("platform"));
        properties.put("spring.mongodb.uri", mongoBase + "/" + databasePrefix + "platform");
        properties.putAll(overrides);
        var application = PlatformApplication.application().profiles("local");
        if (clock != null) {
            application.initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock));
        }
        platform = application.run(arguments(properties));
        return this;
    }

    public Federation startCenter(String code) {
        return startCenter(code, Map.of());
    }

    /** @param extra more properties, e.g. the departments' base URL or an item added to the catalogue */
    public Federation startCenter(String code, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(common("center-" + code));
        properties.putAll(extra);
        properties.put("spring.mongodb.uri", mongoBase + "/" + databasePrefix + "center_" + code);
        properties.put("tongban.center.code", code);
        properties.put("tongban.center.name", NAMES.get(code));
        properties.put("tongban.demo.enabled", "false");
        // no holder-index sweep on its own: a test publishes the index when it needs it (POST …/index/sweep)
        properties.put("tongban.federated-query.sweep-initial-delay", "1h");
        centers.put(code, CenterApplication.application().profiles("local").run(arguments(properties)));
        return this;
    }

    public void stopCenter(String code) {
        ConfigurableApplicationContext context = centers.remove(code);
        if (context != null) {
            context.close();
        }
    }

    /** As command-line arguments, so they win over the services' own yml (as in a real start). */
    private static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private Map<String, Object> common(String name) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
        properties.put("spring.kafka.consumer.properties.metadata.max.age.ms", "1000");
        properties.put("tongban.messaging.outbox.poll-interval", "100ms");
        properties.put("tongban.messaging.retry.attempts", "2");
        properties.put("tongban.messaging.retry.backoff", "100ms");
        properties.put("logging.level.root", "warn");
        properties.put("logging.level.cn.tongban", "info");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.application.name", name);
        return properties;
    }

    public ConfigurableApplicationContext platform() {
        return platform;
    }

    public ConfigurableApplicationContext center(String code) {
        ConfigurableApplicationContext context = centers.get(code);
        if (context == null) {
            throw new IllegalStateException("center " + code + " is not running");
        }
        return context;
    }

    public <T> T platformBean(Class<T> type) {
        return platform.getBean(type);
    }

    public <T> T centerBean(String code, Class<T> type) {
        return center(code).getBean(type);
    }

    public String platformUrl() {
        return url(platform);
    }

    public String centerUrl(String code) {
        return url(center(code));
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    public static CenterCode code(String code) {
        return CenterCode.of(code);
    }

    // ---- HTTP as a front-end would use it --------------------------------------------------------------

    /** A token from the service's dev issuer. */
    public String token(String baseUrl, String subject, String roles, String identityNumber) {
        String query = "sub=" + subject + "&roles=" + roles + (identityNumber == null ? "" : "&identityNumber=" + identityNumber);
        Response response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/dev/token?" + query))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (response.status() != 200) {
            throw new IllegalStateException("no dev token: " + response);
        }
        return response.body().get("access_token").asString();
    }

    public Response get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** A plain-text page, e.g. /actuator/prometheus. */
    public String text(String url) {
        return sendFor(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    public Response post(String url, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : json.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    public Response send(HttpRequest request) {
        HttpResponse<String> response = sendFor(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
    }

    /** A response whose body is not JSON, e.g. a sealed PDF. */
    public HttpResponse<byte[]> sendForBytes(HttpRequest request) {
        return sendFor(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> sendFor(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- the proxy certificate flow, as a counter would drive it ----------------------------------------

    /** A counter clerk at {@code receiving} asks {@code home} for a contribution-and-use certificate. */
    public Response submitProxyCertificate(String receiving, String token, String home, String identityNumber, String name) {
        return post(centerUrl(receiving) + "/api/v1/proxy/contribution-use-certificates", token,
                Map.of("homeCenter", home,
                        "applicant", Map.of("identityNumber", identityNumber, "name", name),
                        "lendingCity", "上海市",
                        "identityVerified", true,
                        "formChecked", true));
    }

    /** Polls a service's case endpoint until the case is in {@code state}; returns the case. */
    public JsonNode awaitCaseState(String baseUrl, String token, String caseId, String state) {
        JsonNode[] last = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Response response = get(baseUrl + "/api/v1/cases/" + caseId, token);
            org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(200);
            last[0] = response.body();
            org.assertj.core.api.Assertions.assertThat(response.body().get("state").asString()).isEqualTo(state);
        });
        return last[0];
    }

    /** An HTTP answer, its body as JSON. */
    public record Response(int status, String contentType, JsonNode body) {
    }

    public List<String> runningCenters() {
        return List.copyOf(centers.keySet());
    }

    @Override
    public void close() {
        centers.values().forEach(ConfigurableApplicationContext::close);
        centers.clear();
        if (platform != null) {
            platform.close();
        }
    }
}

package cn.tongban.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.tongban.kit.crypto.Sm2Keys;
import cn.tongban.platform.registry.RegistryProperties;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Holds the deployment files — the local launcher ({@link FederationLayout}), {@code deploy/docker-compose.yml}
 * and the Kustomize files under {@code k8s/} — to the services' own configuration and to DESIGN §3 and §7:
 * ports and probes, environment variable names (each must bind to a property the service declares), the demo
 * centers, database names, topic names, and Secrets referenced rather than inlined. Signing keys: every service
 * gets its own SM2 private key from a Secret (Kubernetes) or a required host variable (docker-compose), never
 * a literal; the platform gets the public key of every center of its registry, every center the platform's.
 *
 * <p>A service's declared properties are the keys of its configuration files ({@code center.yml} and
 * {@code center-<profile>.yml}, {@code platform.yml} and {@code platform-<profile>.yml}, or
 * {@code application*.yml} should a service go back to the default name) and of the shared
 * {@code service-kit/src/main/resources/tongban-defaults.yml}, plus a short allow-list of Spring Boot
 * properties that need no entry there. A list property's entries bind fields of their own: those the entries
 * in the file have and the components of the record the service binds them to ({@link #LIST_ELEMENTS}), so
 * {@code TONGBAN_PLATFORM_CENTERS_0_PUBLICKEY} binds to {@code tongban.platform.centers[0].public-key} although
 * no entry of {@code platform.yml} has a {@code public-key}. Each failure names the file, the place in it and
 * what it should be.
 */
class DeploymentFilesAgreeTest {

    private static final Path DEPLOY_MODULE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path REPO = DEPLOY_MODULE.getParent();
    private static final Path COMPOSE_FILE = DEPLOY_MODULE.resolve("docker-compose.yml");
    private static final Path K8S = REPO.resolve("k8s");

    /** The ports of DESIGN §7, written out once more on purpose: the layout must not drift from the design. */
    private static final Map<String, Integer> DESIGN_PORTS = Map.of(
            "platform", 8080, "center-110000", 8081, "center-310000", 8082, "center-440100", 8083);
    private static final Set<String> DEMO_CENTER_CODES = Set.of("110000", "310000", "440100");

    /** Topic names of DESIGN §3. */
    private static final Pattern DESIGN_TOPIC =
            Pattern.compile("tongban\\.(relay\\.inbound|center\\.\\d{6}\\.inbound|platform\\.events)(\\.dlq)?");
    /** Anything in a deployment file that looks like one of our topic names. */
    private static final Pattern TOPIC_LIKE = Pattern.compile("(?<![\\w./-])tongban\\.[a-z0-9]+(\\.[a-z0-9]+)+\\b");

    /** Spring Boot properties a service binds without declaring them in its own files. */
    private static final Set<String> BOOT_PROPERTIES = Set.of(
            "server.port",
            "spring.profiles.active",
            "spring.kafka.bootstrap-servers",
            "spring.mongodb.uri",
            "spring.mongodb.database",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri");
    /** Environment variables read by the JVM itself, not bound to properties. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");
    /** The service's own SM2 private key ({@code tongban.signing.private-key}, base64 PKCS#8): a secret. */
    private static final String SIGNING_KEY = "TONGBAN_SIGNING_PRIVATEKEY";
    /** Properties that must come from a Secret in Kubernetes. */
    private static final Set<String> SECRET_VARIABLES =
            Set.of("SPRING_MONGODB_URI", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI", SIGNING_KEY);
    /** The platform's registry of centers; each entry's public-key verifies what that center sends. */
    private static final String REGISTRY = "tongban.platform.centers";
    private static final String REGISTRY_PUBLIC_KEY = "public-key";
    /** A center's copy of the platform's public key, which verifies what the platform forwards. */
    private static final String PLATFORM_PUBLIC_KEY = "tongban.center.platform-public-key";
    /**
     * List properties whose entries a service binds to a record: an entry may set any of its components, also
     * those no entry in the configuration files has (an optional {@code public-key}).
     */
    private static final Map<String, Class<? extends Record>> LIST_ELEMENTS =
            Map.of(REGISTRY, RegistryProperties.Center.class);
    /** A docker-compose value that is one host variable, required: {@code ${NAME:?message}} or {@code ${NAME?message}}. */
    private static final Pattern REQUIRED_HOST_VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):?\\?[^}]*}");
    /** Prints the host variables docker-compose reads the keys from (documented in deploy/README.md). */
    private static final String KEY_GENERATOR_COMPOSE = "--compose";

    private static final String READINESS = "/actuator/health/readiness";
    private static final String LIVENESS = "/actuator/health/liveness";

    private final ServiceConfig platformConfig = ServiceConfig.load("national-platform-service");
    private final ServiceConfig centerConfig = ServiceConfig.load("center-service");

    // ---------------------------------------------------------------------------------------- the services

    @Test
    void bothServicesEnableTheKubernetesProbes() {
        List<String> problems = new ArrayList<>();
        for (ServiceConfig config : List.of(platformConfig, centerConfig)) {
            Object enabled = config.effective("management.endpoint.health.probes.enabled");
            if (!"true".equals(String.valueOf(enabled))) {
                problems.add(config.module + ": management.endpoint.health.probes.enabled is " + enabled
                        + " in " + config.sources() + "; it must be true, or " + LIVENESS + " and " + READINESS
                        + " used by docker-compose and k8s do not exist");
            }
        }
        assertNoProblems(problems);
    }

    // ---------------------------------------------------------------------------------------- the launcher

    @Test
    void launcherUsesThePortsOfTheDesign() {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> servicePorts = FederationLayout.services().stream()
                .collect(Collectors.toMap(FederationService::name, FederationService::port));
        if (!servicePorts.equals(DESIGN_PORTS)) {
            problems.add("FederationLayout service ports " + new TreeMap<>(servicePorts)
                    + " differ from DESIGN §7 " + new TreeMap<>(DESIGN_PORTS));
        }
        expectEqual(problems, "FederationLayout.KAFKA_PORT", 9092, FederationLayout.KAFKA_PORT);
        expectEqual(problems, "FederationLayout.SIMULATOR_PORT", 8089, FederationLayout.SIMULATOR_PORT);
        expectEqual(problems, "FederationLayout.MONGO_PORT", 27017, FederationLayout.MONGO_PORT);
        expectEqual(problems, "FederationLayout.PLATFORM_PORT vs server.port of " + platformConfig.mainFileName(),
                platformConfig.serverPort(), FederationLayout.PLATFORM_PORT);
        Set<Integer> distinct = new LinkedHashSet<>(FederationLayout.ports().values());
        if (distinct.size() != FederationLayout.ports().size()) {
            problems.add("FederationLayout.ports() uses a port twice: " + FederationLayout.ports());
        }
        assertNoProblems(problems);
    }

    @Test
    void launcherStartsEachServiceWithPropertiesItDeclares() {
        List<String> problems = new ArrayList<>();
        for (FederationService service : FederationLayout.services()) {
            ServiceConfig config = configOf(service);
            for (String property : service.properties().keySet()) {
                if (!config.declares(property)) {
                    problems.add("FederationLayout starts " + service.name() + " with --" + property
                            + ", which " + config.module + " does not declare in " + config.sources());
                }
            }
            String database = service.center().map(DemoCenter::database).orElse(FederationLayout.PLATFORM_DATABASE);
            expectEqual(problems, "FederationLayout " + service.name() + " spring.mongodb.uri",
                    FederationLayout.mongoUri(database), service.properties().get("spring.mongodb.uri"));
            expectEqual(problems, "FederationLayout " + service.name() + " server.port",
                    String.valueOf(service.port()), service.properties().get("server.port"));
        }
        assertNoProblems(problems);
    }

    @Test
    void launcherAndServiceConfigurationKnowTheSameDemoCenters() {
        List<String> problems = new ArrayList<>();
        Set<String> layoutCodes = FederationLayout.CENTERS.stream().map(DemoCenter::code)
                .collect(Collectors.toCollection(TreeSet::new));
        expectEqual(problems, "FederationLayout.CENTERS codes (the demo centers of DESIGN §7)",
                new TreeSet<>(DEMO_CENTER_CODES), layoutCodes);
        // Where the services list the federation themselves, the lists must agree with the launcher's.
        Object registry = platformConfig.raw("tongban.platform.centers");
        if (registry instanceof List<?> centers) {
            Set<String> registered = centers.stream().filter(Map.class::isInstance)
                    .map(c -> String.valueOf(((Map<?, ?>) c).get("code")))
                    .collect(Collectors.toCollection(TreeSet::new));
            expectEqual(problems, "tongban.platform.centers codes in " + platformConfig.mainFileName()
                    + " vs FederationLayout.CENTERS", layoutCodes, registered);
            for (Object center : centers) {
                if (center instanceof Map<?, ?> entry) {
                    FederationLayout.CENTERS.stream().filter(c -> c.code().equals(String.valueOf(entry.get("code"))))
                            .findFirst().ifPresent(c -> expectEqual(problems, "name of center " + c.code()
                                    + " in the platform registry vs FederationLayout", entry.get("name"), c.name()));
                }
            }
        }
        Object federation = centerConfig.raw("tongban.center.federation");
        if (federation instanceof List<?> codes) {
            expectEqual(problems, "tongban.center.federation in " + centerConfig.mainFileName()
                            + " vs FederationLayout.CENTERS", layoutCodes,
                    codes.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new)));
        }
        assertNoProblems(problems);
    }

    @Test
    void launcherTopicsAreTheTopicsOfTheDesign() {
        List<String> problems = new ArrayList<>();
        checkTopicNames(problems, "FederationLayout.topics()", FederationLayout.topics());
        for (DemoCenter center : FederationLayout.CENTERS) {
            for (String topic : List.of(center.inboundTopic(), center.inboundTopic() + FederationLayout.DLQ_SUFFIX)) {
                if (!FederationLayout.topics().contains(topic)) {
                    problems.add("FederationLayout.topics() lacks " + topic);
                }
            }
        }
        assertNoProblems(problems);
    }

    // ---------------------------------------------------------------------------------------- docker-compose

    @Test
    void composeServicesListenAndReportReadinessWhereTheServicesAreConfiguredTo() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> services = composeServices();
        for (FederationService service : FederationLayout.services()) {
            String where = "docker-compose.yml service '" + service.name() + "'";
            Map<String, Object> definition = map(services.get(service.name()));
            if (definition.isEmpty()) {
                problems.add(where + " is missing (FederationLayout has it)");
                continue;
            }
            ServiceConfig config = configOf(service);
            Map<String, String> env = environment(definition);
            int containerPort = env.containsKey("SERVER_PORT") ? Integer.parseInt(env.get("SERVER_PORT"))
                    : config.serverPort();
            String portSource = env.containsKey("SERVER_PORT") ? "its SERVER_PORT"
                    : "server.port in " + config.mainFileName();
            List<String> ports = strings(definition.get("ports"));
            String expectedMapping = service.port() + ":" + containerPort;
            if (!ports.contains(expectedMapping)) {
                problems.add(where + " publishes " + ports + "; expected \"" + expectedMapping
                        + "\" (host port from FederationLayout, container port = " + portSource + ")");
            }
            String healthcheck = String.join(" ", strings(map(definition.get("healthcheck")).get("test")));
            String readiness = "http://localhost:" + containerPort + READINESS;
            if (!healthcheck.contains(readiness)) {
                problems.add(where + " healthcheck '" + healthcheck + "' must ask " + readiness);
            }
            Map<String, Object> dependsOn = map(definition.get("depends_on"));
            if (dependsOn.isEmpty()) {
                problems.add(where + " must depend_on kafka-topics and mongo with conditions");
            }
            dependsOn.forEach((dependency, condition) -> {
                if (!map(condition).containsKey("condition")) {
                    problems.add(where + " depends_on '" + dependency + "' without a condition");
                }
            });
        }
        assertNoProblems(problems);
    }

    @Test
    void composeEnvironmentVariablesBindToPropertiesTheServicesDeclare() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> services = composeServices();
        for (FederationService service : FederationLayout.services()) {
            ServiceConfig config = configOf(service);
            environment(map(services.get(service.name()))).keySet().forEach(variable ->
                    checkVariable(problems, "docker-compose.yml service '" + service.name() + "'", variable, config));
        }
        assertNoProblems(problems);
    }

    @Test
    void composeRunsTheDemoCentersEachOnItsOwnDatabase() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> services = composeServices();
        Set<String> composeCenters = services.keySet().stream().filter(name -> name.startsWith("center-"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> layoutCenters = FederationLayout.CENTERS.stream().map(DemoCenter::serviceName)
                .collect(Collectors.toCollection(TreeSet::new));
        expectEqual(problems, "center services of docker-compose.yml vs FederationLayout.CENTERS", layoutCenters,
                composeCenters);
        for (FederationService service : FederationLayout.services()) {
            Map<String, String> env = environment(map(services.get(service.name())));
            String where = "docker-compose.yml service '" + service.name() + "'";
            String database = service.center().map(DemoCenter::database).orElse(FederationLayout.PLATFORM_DATABASE);
            expectEqual(problems, where + " database of SPRING_MONGODB_URI", database,
                    databaseOf(env.get("SPRING_MONGODB_URI")));
            service.center().ifPresent(center -> {
                expectEqual(problems, where + " TONGBAN_CENTER_CODE", center.code(), env.get("TONGBAN_CENTER_CODE"));
                expectEqual(problems, where + " TONGBAN_CENTER_NAME", center.name(), env.get("TONGBAN_CENTER_NAME"));
            });
            if ("local".equals(env.get("SPRING_PROFILES_ACTIVE"))) {
                problems.add(where + " runs the local profile (dev token issuer, demo data); use prod or none");
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void composeInfrastructureIsWhereTheServicesLookForIt() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> services = composeServices();
        Map<String, Object> kafka = map(services.get("kafka"));
        expectContains(problems, "docker-compose.yml kafka ports", strings(kafka.get("ports")),
                FederationLayout.KAFKA_PORT + ":" + FederationLayout.KAFKA_PORT);
        expectContains(problems, "docker-compose.yml mongo ports", strings(map(services.get("mongo")).get("ports")),
                FederationLayout.MONGO_PORT + ":27017");
        Map<String, Object> departments = map(services.get("departments"));
        List<String> departmentsCommand = strings(departments.get("command"));
        int simulatorPort = departmentsCommand.contains("--port")
                ? Integer.parseInt(departmentsCommand.get(departmentsCommand.indexOf("--port") + 1)) : 8080;
        expectContains(problems, "docker-compose.yml departments ports", strings(departments.get("ports")),
                FederationLayout.SIMULATOR_PORT + ":" + simulatorPort);
        expectContains(problems, "docker-compose.yml departments volumes", strings(departments.get("volumes")),
                "./simulator:/home/wiremock:ro");

        String advertised = environment(kafka).getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
        Set<String> listeners = Stream.of(advertised.split(","))
                .map(listener -> listener.substring(listener.indexOf("://") + 3))
                .collect(Collectors.toSet());
        for (FederationService service : FederationLayout.services()) {
            Map<String, String> env = environment(map(services.get(service.name())));
            String where = "docker-compose.yml service '" + service.name() + "'";
            String bootstrap = env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
            if (bootstrap == null || !listeners.containsAll(List.of(bootstrap.split(",")))) {
                problems.add(where + " SPRING_KAFKA_BOOTSTRAP_SERVERS=" + bootstrap
                        + " is not an advertised listener of the kafka service (" + advertised + ")");
            }
            if (service.center().isPresent()) {
                String expected = "http://departments:" + simulatorPort;
                expectEqual(problems, where + " TONGBAN_DEPARTMENTS_BASE_URL", expected,
                        env.get("TONGBAN_DEPARTMENTS_BASE_URL"));
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void composeCreatesExactlyTheTopicsOfTheDesign() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Object> topicsJob = map(composeServices().get("kafka-topics"));
        List<String> created = topicLikeNames(String.join(" ", strings(topicsJob.get("command"))));
        checkTopicNames(problems, "docker-compose.yml kafka-topics", created);
        expectEqual(problems, "topics created by docker-compose.yml kafka-topics vs FederationLayout.topics()",
                new TreeSet<>(FederationLayout.topics()), new TreeSet<>(created));
        checkTopicNames(problems, "docker-compose.yml", withoutPropertyNames(topicLikeNames(Files.readString(COMPOSE_FILE))));
        assertNoProblems(problems);
    }

    // ---------------------------------------------------------------------------------------- Kubernetes

    @Test
    void kubernetesContainersListenAndAreProbedWhereTheServicesAreConfiguredTo() {
        List<String> problems = new ArrayList<>();
        for (KustomizeBase base : KustomizeBase.all()) {
            ServiceConfig config = ServiceConfig.load(base.module);
            Map<String, Object> deployment = base.resource("Deployment");
            Map<String, Object> container = map(list(at(deployment, "spec", "template", "spec", "containers")).get(0));
            String where = base.dir + " Deployment container '" + container.get("name") + "'";
            Map<String, String> variables = base.configMapLiterals();
            strings(list(container.get("env")).stream().map(e -> map(e).get("name")).toList())
                    .forEach(name -> variables.putIfAbsent(name, "(from env)"));
            int expectedPort = variables.containsKey("SERVER_PORT") ? Integer.parseInt(variables.get("SERVER_PORT"))
                    : config.serverPort();
            Map<String, Object> httpPort = list(container.get("ports")).stream().map(DeploymentFilesAgreeTest::map)
                    .filter(p -> "http".equals(p.get("name"))).findFirst().orElse(Map.of());
            if (!Objects.equals(httpPort.get("containerPort"), expectedPort)) {
                problems.add(where + " port 'http' is " + httpPort.get("containerPort") + "; expected " + expectedPort
                        + " (server.port in " + config.mainFileName() + " unless SERVER_PORT is set)");
            }
            checkProbe(problems, where, container, "readinessProbe", READINESS, expectedPort);
            checkProbe(problems, where, container, "livenessProbe", LIVENESS, expectedPort);
            if (container.containsKey("startupProbe")) {
                checkProbe(problems, where, container, "startupProbe", LIVENESS, expectedPort);
            }
            Object scrapePort = map(at(deployment, "spec", "template", "metadata", "annotations"))
                    .get("prometheus.io/port");
            if (scrapePort != null && !String.valueOf(expectedPort).equals(String.valueOf(scrapePort))) {
                problems.add(where + " prometheus.io/port annotation " + scrapePort + " is not the http port "
                        + expectedPort);
            }
            Map<String, Object> servicePort = map(list(at(base.resource("Service"), "spec", "ports")).get(0));
            Object target = servicePort.get("targetPort");
            if (!"http".equals(target) && !Objects.equals(target, expectedPort)) {
                problems.add(base.dir + " Service targetPort " + target + " is neither 'http' nor " + expectedPort);
            }
            Map<String, Object> resources = map(container.get("resources"));
            if (map(resources.get("requests")).isEmpty() || map(resources.get("limits")).isEmpty()) {
                problems.add(where + " needs resources.requests and resources.limits");
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void kubernetesEnvironmentVariablesBindToPropertiesTheServicesDeclare() {
        List<String> problems = new ArrayList<>();
        for (KustomizeBase base : KustomizeBase.all()) {
            ServiceConfig config = ServiceConfig.load(base.module);
            base.variableNames().forEach(variable -> checkVariable(problems, base.dir.toString(), variable, config));
        }
        for (Overlay overlay : Overlay.all()) {
            ServiceConfig config = ServiceConfig.load(overlay.base().module);
            overlay.configMapLiterals().keySet().forEach(variable ->
                    checkVariable(problems, overlay.dir + " configMapGenerator", variable, config));
            overlay.patchedEnvironment().keySet().forEach(variable ->
                    checkVariable(problems, overlay.dir + " patch", variable, config));
        }
        assertNoProblems(problems);
    }

    @Test
    void kubernetesTakesCredentialsAndIdentityProviderFromSecretsOnly() throws IOException {
        List<String> problems = new ArrayList<>();
        for (KustomizeBase base : KustomizeBase.all()) {
            Map<String, Object> container = map(list(at(base.resource("Deployment"),
                    "spec", "template", "spec", "containers")).get(0));
            Map<String, Map<String, Object>> env = new LinkedHashMap<>();
            list(container.get("env")).forEach(e -> env.put(String.valueOf(map(e).get("name")), map(e)));
            for (String variable : SECRET_VARIABLES) {
                Map<String, Object> entry = env.get(variable);
                if (entry == null || entry.containsKey("value")
                        || map(map(entry.get("valueFrom")).get("secretKeyRef")).isEmpty()) {
                    problems.add(base.dir + " Deployment must set " + variable
                            + " from a Secret (valueFrom.secretKeyRef), not " + entry);
                }
            }
            base.configMapLiterals().keySet().stream().filter(SECRET_VARIABLES::contains).forEach(variable ->
                    problems.add(base.dir + " puts " + variable + " in a ConfigMap; it belongs in a Secret"));
        }
        for (Overlay overlay : Overlay.all()) {
            overlay.configMapLiterals().keySet().stream().filter(SECRET_VARIABLES::contains).forEach(variable ->
                    problems.add(overlay.dir + " puts " + variable + " in a ConfigMap; it belongs in a Secret"));
        }
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .toList()) {
                String text = Files.readString(file);
                if (Pattern.compile("(?m)^kind:\\s*Secret\\s*$").matcher(text).find()) {
                    problems.add(REPO.relativize(file) + " defines a Secret; Secrets are never kept in the repository");
                }
                if (Pattern.compile("mongodb(\\+srv)?://[^\\s/@]+@").matcher(text).find()) {
                    problems.add(REPO.relativize(file) + " holds a MongoDB connection string with credentials");
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void kubernetesOverlaysAreTheDemoCentersEachWithItsOwnDatabaseAndSecrets() {
        List<String> problems = new ArrayList<>();
        List<Overlay> centers = Overlay.all().stream().filter(o -> o.centerCode() != null).toList();
        expectEqual(problems, "center overlays under k8s/overlays vs FederationLayout.CENTERS",
                FederationLayout.CENTERS.stream().map(DemoCenter::code).collect(Collectors.toCollection(TreeSet::new)),
                centers.stream().map(Overlay::centerCode).collect(Collectors.toCollection(TreeSet::new)));
        for (Overlay overlay : centers) {
            String code = overlay.centerCode();
            String where = overlay.dir.toString();
            DemoCenter center = FederationLayout.CENTERS.stream().filter(c -> c.code().equals(code)).findFirst()
                    .orElse(null);
            Map<String, String> literals = overlay.configMapLiterals();
            expectEqual(problems, where + " TONGBAN_CENTER_CODE", code, literals.get("TONGBAN_CENTER_CODE"));
            expectEqual(problems, where + " SPRING_MONGODB_DATABASE", "tongban_center_" + code,
                    literals.get("SPRING_MONGODB_DATABASE"));
            if (center != null) {
                expectEqual(problems, where + " TONGBAN_CENTER_NAME", center.name(), literals.get("TONGBAN_CENTER_NAME"));
            }
            String affix = String.valueOf(overlay.kustomization.getOrDefault("nameSuffix", ""))
                    + overlay.kustomization.getOrDefault("namePrefix", "");
            if (!affix.contains(code)) {
                problems.add(where + " must set a namePrefix or nameSuffix with " + code
                        + ", or the three centers' resources collide");
            }
            if (!overlay.selectorLabelsContain(code)) {
                problems.add(where + " must add a label with " + code + " to the selectors (labels with"
                        + " includeSelectors: true), or each center's Service selects every center's pods");
            }
            for (String variable : SECRET_VARIABLES) {
                String secret = overlay.patchedEnvironment().get(variable);
                if (secret == null || !secret.contains(code)) {
                    problems.add(where + " must patch " + variable + " to a Secret of center " + code
                            + " (found " + secret + ")");
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void kustomizationsReferToFilesThatExist() {
        List<String> problems = new ArrayList<>();
        for (Path kustomization : kustomizations()) {
            Map<String, Object> content = map(loadYaml(kustomization).get(0));
            for (String resource : strings(content.get("resources"))) {
                Path target = kustomization.getParent().resolve(resource).normalize();
                boolean ok = Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml"));
                if (!ok) {
                    problems.add(REPO.relativize(kustomization) + " lists resource '" + resource
                            + "', which is neither a file nor a directory with a kustomization.yaml");
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void kubernetesTopicsAreExactlyTheTopicsOfTheDesign() throws IOException {
        List<String> problems = new ArrayList<>();
        Path topicsFile = K8S.resolve("kafka-topics").resolve("topics.yaml");
        List<String> declared = new ArrayList<>();
        for (Object document : loadYaml(topicsFile)) {
            Map<String, Object> topic = map(document);
            if ("KafkaTopic".equals(topic.get("kind"))) {
                declared.add(String.valueOf(map(topic.get("spec")).get("topicName")));
            }
        }
        checkTopicNames(problems, REPO.relativize(topicsFile).toString(), declared);
        expectEqual(problems, "KafkaTopics in " + REPO.relativize(topicsFile) + " vs FederationLayout.topics()",
                new TreeSet<>(FederationLayout.topics()), new TreeSet<>(declared));
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                checkTopicNames(problems, REPO.relativize(file).toString(),
                        withoutPropertyNames(topicLikeNames(Files.readString(file))));
            }
        }
        assertNoProblems(problems);
    }

    // ---------------------------------------------------------------------------------------- signing keys

    @Test
    void environmentSettingAnEntryOfAListRestatesTheWholeList() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> services = composeServices();
        for (FederationService service : FederationLayout.services()) {
            Map<String, String> env = new LinkedHashMap<>();
            environment(map(services.get(service.name()))).forEach((name, value) ->
                    env.put(name, value == null || value.contains("$") ? null : value));
            checkListsRestatedWhole(problems, "docker-compose.yml service '" + service.name() + "'", env,
                    configOf(service));
        }
        for (Overlay overlay : Overlay.all()) {
            Map<String, String> env = new LinkedHashMap<>();
            overlay.environment().forEach((name, source) -> env.put(name, source.value()));
            checkListsRestatedWhole(problems, overlay.dir() + " (with " + overlay.base().dir() + ")", env,
                    ServiceConfig.load(overlay.base().module()));
        }
        assertNoProblems(problems);
    }

    @Test
    void composeGivesEveryServiceItsOwnSigningKeyAndThePublicKeysItVerifiesWith() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> services = composeServices();
        Map<String, String> signingKeys = new LinkedHashMap<>();
        Map<String, String> publicKeys = new LinkedHashMap<>();
        Set<String> platformKeys = new TreeSet<>();
        for (FederationService service : FederationLayout.services()) {
            String where = "docker-compose.yml service '" + service.name() + "'";
            ServiceConfig config = configOf(service);
            Map<String, String> env = environment(map(services.get(service.name())));
            String party = service.center().map(DemoCenter::code).orElse("PLATFORM");
            String signing = requiredHostVariable(problems, where, SIGNING_KEY, env, "its SM2 private key", true);
            if (signing != null) {
                String other = signingKeys.putIfAbsent(signing, service.name());
                if (other != null) {
                    problems.add(where + " signs with ${" + signing + "} like service '" + other
                            + "'; every service has a key pair of its own");
                }
                checkNamesParty(problems, where + " " + SIGNING_KEY + " takes ${" + signing + "}, which", signing, party);
            }
            if (service.center().isPresent()) {
                String variable = config.variableFor(PLATFORM_PUBLIC_KEY, env.keySet());
                String key = requiredHostVariable(problems, where, variable, env, "the platform's SM2 public key", false);
                if (key != null) {
                    platformKeys.add(key);
                    publicKeys.put(key, service.name());
                    checkNamesParty(problems, where + " " + variable + " takes ${" + key + "}, which", key, "PLATFORM");
                }
                continue;
            }
            List<Object> registry = list(config.raw(REGISTRY));
            for (int i = 0; i < registry.size(); i++) {
                String code = String.valueOf(map(registry.get(i)).get("code"));
                String variable = config.listEntryVariableFor(REGISTRY, i, REGISTRY_PUBLIC_KEY, env.keySet());
                String key = requiredHostVariable(problems, where, variable, env,
                        "the SM2 public key of center " + code + " (entry " + i + " of " + REGISTRY + ")", false);
                if (key != null) {
                    publicKeys.put(key, service.name());
                    checkNamesParty(problems, where + " " + variable + " (entry " + i + " of " + REGISTRY
                            + ": center " + code + ") takes ${" + key + "}, which", key, code);
                }
            }
        }
        if (platformKeys.size() > 1) {
            problems.add("docker-compose.yml centers verify the platform against different host variables "
                    + platformKeys + "; the platform has one key pair");
        }
        publicKeys.keySet().stream().filter(signingKeys::containsKey).forEach(variable ->
                problems.add("docker-compose.yml uses ${" + variable + "} as a private key (service '"
                        + signingKeys.get(variable) + "') and as a public key (service '" + publicKeys.get(variable)
                        + "')"));
        assertNoProblems(problems);
    }

    @Test
    void composeReadsOnlyKeysThatTheKeyGeneratorPrints() {
        Set<String> printed = new TreeSet<>();
        for (String line : runKeyGenerator(KEY_GENERATOR_COMPOSE).split("\\R")) {
            printed.add(line.substring(0, line.indexOf('=')));
        }
        Set<String> needed = new TreeSet<>();
        Map<String, Object> services = composeServices();
        for (FederationService service : FederationLayout.services()) {
            ServiceConfig config = configOf(service);
            environment(map(services.get(service.name()))).forEach((variable, value) -> {
                Matcher host = REQUIRED_HOST_VARIABLE.matcher(value == null ? "" : value.strip());
                boolean key = variable.equals(SIGNING_KEY)
                        || ServiceConfig.environmentForms(PLATFORM_PUBLIC_KEY).contains(variable)
                        || config.listEntryVariable(variable).filter(e -> e.field().equals(REGISTRY_PUBLIC_KEY)).isPresent();
                if (key && host.matches()) {
                    needed.add(host.group(1));
                }
            });
        }
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(printed);
        assertTrue(missing.isEmpty(), () -> "docker-compose.yml reads the keys " + missing + " from the host, which"
                + " `KeyGenerator " + KEY_GENERATOR_COMPOSE + "` (deploy/README.md) does not print; it prints " + printed);
    }

    @Test
    void keyGeneratorWritesKeysTheServicesRead() {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : runKeyGenerator().split("\\R")) {
            lines.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        assertEquals(Set.of("PRIVATE", "PUBLIC"), lines.keySet(), "KeyGenerator prints PRIVATE=... and PUBLIC=...");
        assertEquals(lines.get("PUBLIC"), Sm2Keys.keyPairOf(lines.get("PRIVATE")).publicKeyBase64(),
                "the PUBLIC key KeyGenerator prints must be that of its PRIVATE key, as the services read them");
        Sm2Keys.decodePublicKey(lines.get("PUBLIC"));
    }

    @Test
    void kubernetesGivesEveryServiceItsOwnSigningKeyAndThePublicKeysItVerifiesWith() {
        List<String> problems = new ArrayList<>();
        Map<String, String> signingSecrets = new LinkedHashMap<>();
        Set<String> platformKeys = new TreeSet<>();
        List<Overlay> overlays = Overlay.all();
        if (overlays.stream().noneMatch(o -> o.base().module().equals("national-platform-service"))) {
            problems.add("k8s/overlays has no overlay of k8s/base/platform");
        }
        for (Overlay overlay : overlays) {
            ServiceConfig config = ServiceConfig.load(overlay.base().module());
            Map<String, EnvSource> env = overlay.environment();
            String where = overlay.dir() + " (with " + overlay.base().dir() + ")";
            EnvSource signing = env.get(SIGNING_KEY);
            if (signing == null || !signing.fromSecret()) {
                problems.add(where + " gives the container " + SIGNING_KEY + " " + (signing == null ? "not at all"
                        : "from " + signing) + "; every service signs what it sends with its SM2 private key, which"
                        + " comes from a Secret (valueFrom.secretKeyRef)");
            } else {
                String other = signingSecrets.putIfAbsent(signing.name(), overlay.dir().toString());
                if (other != null) {
                    problems.add(where + " signs with the Secret " + signing.name() + " like " + other
                            + "; every service has a key pair of its own");
                }
            }
            if (overlay.centerCode() != null) {
                String variable = config.variableFor(PLATFORM_PUBLIC_KEY, env.keySet());
                EnvSource key = env.get(variable);
                checkPublicKeySource(problems, where, variable, key, "the platform's SM2 public key", "platform");
                if (key != null && key.fromConfigMap()) {
                    platformKeys.add(key.toString());
                }
                continue;
            }
            List<Object> registry = list(config.raw(REGISTRY));
            for (int i = 0; i < registry.size(); i++) {
                String code = String.valueOf(map(registry.get(i)).get("code"));
                String variable = config.listEntryVariableFor(REGISTRY, i, REGISTRY_PUBLIC_KEY, env.keySet());
                checkPublicKeySource(problems, where, variable, env.get(variable), "the SM2 public key of center "
                        + code + " (entry " + i + " of " + REGISTRY + ")", code);
            }
        }
        if (platformKeys.size() > 1) {
            problems.add("the center overlays take the platform's public key from different places " + platformKeys
                    + "; the platform has one key pair");
        }
        assertNoProblems(problems);
    }

    @Test
    void noPrivateKeyIsWrittenIntoTheDeploymentFiles() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>(List.of(COMPOSE_FILE, DEPLOY_MODULE.resolve("Dockerfile"),
                DEPLOY_MODULE.resolve("README.md")));
        try (Stream<Path> k8s = Files.walk(K8S)) {
            k8s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        Pattern pem = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
        Pattern base64 = Pattern.compile("[A-Za-z0-9+/]{64,}={0,2}");
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher token = base64.matcher(lines.get(i));
                boolean found = pem.matcher(lines.get(i)).find();
                while (!found && token.find()) {
                    found = isPrivateKeyDer(token.group());
                }
                if (found) {
                    problems.add(REPO.relativize(file) + " line " + (i + 1) + " holds a private key (not shown);"
                            + " private keys come from Secrets or host variables, never from the repository");
                }
            }
        }
        assertNoProblems(problems);
    }

    /** Base64 of DER that starts like PKCS#8 (SEQUENCE, INTEGER 0) or SEC1 (SEQUENCE, INTEGER 1). */
    private static boolean isPrivateKeyDer(String base64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (der.length < 8 || der[0] != 0x30) {
            return false;
        }
        int offset = (der[1] & 0x80) == 0 ? 2 : 2 + (der[1] & 0x7f);
        return offset + 2 < der.length && der[offset] == 0x02 && der[offset + 1] == 0x01
                && (der[offset + 2] == 0 || der[offset + 2] == 1);
    }

    private static String runKeyGenerator(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            KeyGenerator.main(args);
        } catch (Exception e) {
            throw new AssertionError("KeyGenerator " + String.join(" ", args) + " failed", e);
        } finally {
            System.setOut(out);
        }
        return printed.toString(StandardCharsets.UTF_8).strip();
    }

    // ---------------------------------------------------------------------------------------- checks

    private static void checkVariable(List<String> problems, String where, String variable, ServiceConfig config) {
        if (JVM_VARIABLES.contains(variable)) {
            return;
        }
        if (!config.declaresVariable(variable)) {
            problems.add(where + ": environment variable " + variable + " binds to no property that "
                    + config.module + " declares (looked in " + config.sources() + " and the Spring Boot"
                    + " properties " + BOOT_PROPERTIES + ")");
        }
    }

    /**
     * Variables that set fields of entries of a list property ({@code TONGBAN_PLATFORM_CENTERS_0_PUBLICKEY}):
     * Spring Boot binds a list from the one property source that has it, so with any of them the environment
     * replaces the list of the configuration file. It must then restate every entry of the file, each field the
     * entry has, with the same value where the deployment file shows one ({@code env}: variable to its literal
     * value, null where it comes from elsewhere).
     */
    private static void checkListsRestatedWhole(List<String> problems, String where, Map<String, String> env,
                                                ServiceConfig config) {
        Map<String, Map<Integer, Map<String, String>>> lists = new TreeMap<>();
        for (String variable : env.keySet()) {
            config.listEntryVariable(variable).ifPresent(e -> lists.computeIfAbsent(e.list(), l -> new TreeMap<>())
                    .computeIfAbsent(e.index(), i -> new TreeMap<>()).put(e.field(), variable));
        }
        lists.forEach((list, entries) -> {
            List<Object> declared = list(config.raw(list));
            String first = entries.values().iterator().next().values().iterator().next();
            String why = where + " sets " + first + ", so its environment replaces the whole list " + list + " of "
                    + config.mainFileName() + " (Spring Boot binds a list from one property source, never merges)";
            entries.keySet().stream().filter(i -> i >= declared.size()).forEach(i -> problems.add(where + " sets "
                    + entries.get(i).values() + " of entry " + i + " of " + list + ", which has " + declared.size()
                    + " entries in " + config.mainFileName() + "; add the entry there first"));
            for (int i = 0; i < declared.size(); i++) {
                Map<String, String> given = entries.getOrDefault(i, Map.of());
                List<String> missing = new ArrayList<>();
                for (Map.Entry<String, Object> field : map(declared.get(i)).entrySet()) {
                    String variable = given.get(field.getKey());
                    String expected = String.valueOf(field.getValue());
                    if (variable == null) {
                        missing.add(ServiceConfig.listEntryVariableName(list, i, field.getKey()) + "=" + expected);
                    } else if (env.get(variable) != null && !env.get(variable).equals(expected)) {
                        problems.add(where + " " + variable + "=" + env.get(variable) + ", but entry " + i + " of "
                                + list + " in " + config.mainFileName() + " has " + field.getKey() + ": " + expected
                                + " (the environment must restate the list in the file's order)");
                    }
                }
                if (!missing.isEmpty()) {
                    problems.add(why + ": it must also set " + String.join(", ", missing) + " (entry " + i + ")");
                }
            }
        });
    }

    /**
     * The host variable that a docker-compose variable takes whole and requires ({@code ${NAME:?message}}), or
     * null with the problem noted. {@code secret}: never show the value.
     */
    private static String requiredHostVariable(List<String> problems, String where, String variable,
                                               Map<String, String> env, String what, boolean secret) {
        String value = env.get(variable);
        if (value == null) {
            problems.add(where + " sets no " + variable + " (" + what + "); set it from a host variable:"
                    + " " + variable + ": ${<HOST_VARIABLE>:?<what to set>}");
            return null;
        }
        Matcher host = REQUIRED_HOST_VARIABLE.matcher(value.strip());
        if (host.matches()) {
            return host.group(1);
        }
        if (!value.contains("$")) {
            problems.add(where + " " + variable + " is a literal" + (secret ? " (not shown)" : " '" + value + "'")
                    + "; " + what + " differs between deployments and must come from a host variable: " + variable
                    + ": ${<HOST_VARIABLE>:?<what to set>}");
        } else {
            problems.add(where + " " + variable + "=" + value + " is not one required host variable; use ${NAME:?"
                    + "message}, which stops docker compose when NAME is unset or empty (no default, nothing around)");
        }
        return null;
    }

    /** A host variable (or ConfigMap key) for a party's key must name that party, and no other. */
    private static void checkNamesParty(List<String> problems, String what, String name, String party) {
        String upper = name.toUpperCase(Locale.ROOT);
        List<String> others = Stream.concat(Stream.of("PLATFORM"), FederationLayout.CENTERS.stream().map(DemoCenter::code))
                .filter(p -> !p.equalsIgnoreCase(party) && upper.contains(p)).toList();
        if (!upper.contains(party.toUpperCase(Locale.ROOT)) || !others.isEmpty()) {
            problems.add(what + " should name " + party + (others.isEmpty() ? "" : " and no other party " + others)
                    + ": a key given to the wrong party is found only when signatures fail");
        }
    }

    /** A public key in Kubernetes: from a ConfigMap (a key naming its party), not from a Secret or an inline value. */
    private static void checkPublicKeySource(List<String> problems, String where, String variable, EnvSource source,
                                             String what, String party) {
        if (source == null) {
            problems.add(where + " gives the container no " + variable + " (" + what + "); set it from the"
                    + " ConfigMap of public keys (valueFrom.configMapKeyRef)");
        } else if (!source.fromConfigMap()) {
            problems.add(where + " gives the container " + variable + " (" + what + ") from " + source
                    + "; a public key is no secret: take it from a ConfigMap (valueFrom.configMapKeyRef), where"
                    + " operators can read and compare it");
        } else if (source.key() != null) {
            checkNamesParty(problems, where + " " + variable + " (" + what + ") takes key " + source.key() + " of"
                    + " ConfigMap " + source.name() + ", which", source.key(), party);
        }
    }

    /** Topic-like names that are the services' own configuration keys (named in comments) are no topics. */
    private List<String> withoutPropertyNames(List<String> names) {
        return names.stream().filter(n -> !platformConfig.declaresKeyPrefix(n) && !centerConfig.declaresKeyPrefix(n))
                .toList();
    }

    private static void checkProbe(List<String> problems, String where, Map<String, Object> container, String probe,
                                   String path, int port) {
        Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
        if (!path.equals(httpGet.get("path"))) {
            problems.add(where + " " + probe + " path is " + httpGet.get("path") + "; expected " + path);
        }
        Object probePort = httpGet.get("port");
        if (!"http".equals(probePort) && !Objects.equals(probePort, port)) {
            problems.add(where + " " + probe + " port is " + probePort + "; expected 'http' or " + port);
        }
    }

    private static void checkTopicNames(List<String> problems, String where, List<String> topics) {
        for (String topic : topics) {
            if (!DESIGN_TOPIC.matcher(topic).matches()) {
                problems.add(where + " names topic '" + topic + "', which is not of a DESIGN §3 form"
                        + " (tongban.relay.inbound, tongban.center.<code>.inbound, tongban.platform.events, each"
                        + " optionally with .dlq)");
            }
        }
    }

    private static List<String> topicLikeNames(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = TOPIC_LIKE.matcher(text);
        while (matcher.find()) {
            String name = matcher.group();
            // cn.tongban.* Java packages and tongban.cn/* label keys are not topics.
            if (!name.startsWith("tongban.cn")) {
                names.add(name);
            }
        }
        return names;
    }

    private static <T> void expectEqual(List<String> problems, String what, T expected, T actual) {
        if (!Objects.equals(expected, actual)) {
            problems.add(what + ": expected " + expected + " but was " + actual);
        }
    }

    private static void expectContains(List<String> problems, String what, List<String> actual, String expected) {
        if (!actual.contains(expected)) {
            problems.add(what + " " + actual + " lacks \"" + expected + "\"");
        }
    }

    private static void assertNoProblems(List<String> problems) {
        assertTrue(problems.isEmpty(), () -> problems.size() + " disagreement(s):" + System.lineSeparator()
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining(System.lineSeparator())));
    }

    private ServiceConfig configOf(FederationService service) {
        return service.center().isPresent() ? centerConfig : platformConfig;
    }

    // ---------------------------------------------------------------------------------------- reading files

    private static Map<String, Object> composeServices() {
        return map(map(loadYaml(COMPOSE_FILE).get(0)).get("services"));
    }

    private static Map<String, String> environment(Map<String, Object> composeService) {
        Map<String, String> env = new LinkedHashMap<>();
        Object environment = composeService.get("environment");
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> env.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        } else {
            for (String entry : strings(environment)) {
                int equals = entry.indexOf('=');
                env.put(equals < 0 ? entry : entry.substring(0, equals), equals < 0 ? null : entry.substring(equals + 1));
            }
        }
        return env;
    }

    private static String databaseOf(String mongoUri) {
        if (mongoUri == null) {
            return null;
        }
        String path = URI.create(mongoUri).getPath();
        return path == null || path.length() <= 1 ? null : path.substring(1);
    }

    private static List<Path> kustomizations() {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + K8S, e);
        }
    }

    static List<Object> loadYaml(Path file) {
        if (!Files.isRegularFile(file)) {
            fail(file + " does not exist");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Object> documents = new ArrayList<>();
            new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader).forEach(d -> {
                if (d != null) {
                    documents.add(d);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<Object> list(Object value) {
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    static List<String> strings(Object value) {
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    static Object at(Map<String, Object> root, String... path) {
        Object current = root;
        for (String key : path) {
            current = map(current).get(key);
        }
        return current;
    }

    // ---------------------------------------------------------------------------------------- the models

    /** A service's configuration files, flattened to dotted keys. */
    static final class ServiceConfig {

        private static final Pattern PLACEHOLDER_DEFAULT = Pattern.compile("\\$\\{[^:}]+:([^}]*)}");
        /** {@code list[3].field} of a flattened file: a field of an entry of a list property. */
        private static final Pattern LIST_ENTRY_FIELD = Pattern.compile("([^\\[]+)\\[\\d+]\\.([^.\\[]+)");
        /** What follows a list property's environment form: {@code _<index>_<field>}. */
        private static final Pattern INDEX_AND_FIELD = Pattern.compile("_(\\d+)_(.+)");
        /** The {@code spring.config.name} of each service module. */
        private static final Map<String, String> CONFIG_NAMES =
                Map.of("national-platform-service", "platform", "center-service", "center");
        private static final Path KIT_DEFAULTS =
                REPO.resolve("service-kit/src/main/resources/tongban-defaults.yml");

        final String module;
        private final Path resources;
        /** The main file over the kit defaults: what the service runs with when no profile is active. */
        private final Map<String, Object> effective = new LinkedHashMap<>();
        /** Every key of every configuration file of the service. */
        private final Set<String> declared = new TreeSet<>();
        private final Map<String, Object> rawTree = new LinkedHashMap<>();
        private final List<Path> files = new ArrayList<>();
        /** List properties whose entries are maps, with the fields an entry may set. */
        private final Map<String, Set<String>> listFields = new TreeMap<>();

        private ServiceConfig(String module) {
            this.module = module;
            this.resources = REPO.resolve(module).resolve("src/main/resources");
        }

        static ServiceConfig load(String module) {
            ServiceConfig config = new ServiceConfig(module);
            Path mainFile = config.mainFile();
            if (!Files.isRegularFile(mainFile)) {
                fail("Neither " + module + "/src/main/resources/" + CONFIG_NAMES.get(module) + ".yml nor its"
                        + " application.yml exists; the deployment files are checked against the service's"
                        + " configuration (server.port, probes, the properties environment variables bind to)");
            }
            if (Files.isRegularFile(KIT_DEFAULTS)) {
                config.add(KIT_DEFAULTS, true);
            }
            config.add(mainFile, true);
            String baseName = mainFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            try (Stream<Path> profiles = Files.list(config.resources)) {
                profiles.filter(f -> f.getFileName().toString().matches(Pattern.quote(baseName) + "-.+\\.ya?ml"))
                        .sorted().forEach(f -> config.add(f, false));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot list " + config.resources, e);
            }
            LIST_ELEMENTS.forEach((list, type) -> {
                if (config.declared.contains(list)) {
                    for (RecordComponent component : type.getRecordComponents()) {
                        config.listFields.computeIfAbsent(list, l -> new TreeSet<>()).add(kebabCase(component.getName()));
                    }
                }
            });
            return config;
        }

        private static String kebabCase(String camelCase) {
            return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        }

        /**
         * The service's main configuration file: {@code <spring.config.name>.yml} (the services set their own
         * config name, so that several can share a test JVM), else {@code application.yml}.
         */
        private Path mainFile() {
            Path named = resources.resolve(CONFIG_NAMES.getOrDefault(module, "application") + ".yml");
            return Files.isRegularFile(named) ? named : resources.resolve("application.yml");
        }

        private void add(Path file, boolean effectiveWithoutProfile) {
            files.add(file);
            for (Object document : loadYaml(file)) {
                Map<String, Object> flat = new LinkedHashMap<>();
                flatten("", document, flat);
                declared.addAll(flat.keySet());
                for (String key : flat.keySet()) {
                    Matcher entryField = LIST_ENTRY_FIELD.matcher(key);
                    if (entryField.matches()) {
                        listFields.computeIfAbsent(entryField.group(1), l -> new TreeSet<>()).add(entryField.group(2));
                    }
                }
                if (effectiveWithoutProfile && map(at(map(document), "spring", "config", "activate")).isEmpty()) {
                    effective.putAll(flat);
                    if (file.equals(mainFile())) {
                        rawTree.putAll(map(document));
                    }
                }
            }
        }

        private static void flatten(String prefix, Object node, Map<String, Object> out) {
            if (node instanceof Map<?, ?> m) {
                if (!prefix.isEmpty()) {
                    out.put(prefix, node);
                }
                m.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value,
                        out));
            } else if (node instanceof List<?> l) {
                out.put(prefix, node);
                for (int i = 0; i < l.size(); i++) {
                    flatten(prefix + "[" + i + "]", l.get(i), out);
                }
            } else {
                out.put(prefix, node);
            }
        }

        /** The value of a key in the main file over the kit defaults. */
        Object effective(String key) {
            return effective.get(key);
        }

        /** A subtree of the main file as parsed, e.g. a list. */
        Object raw(String dottedKey) {
            return at(rawTree, dottedKey.split("\\."));
        }

        /** {@code server.port} of the main file, a placeholder's default if it is one. */
        int serverPort() {
            Object port = effective("server.port");
            if (port == null) {
                fail(mainFileName() + " declares no server.port; the deployment files need the container port");
            }
            Matcher placeholder = PLACEHOLDER_DEFAULT.matcher(String.valueOf(port));
            return Integer.parseInt(placeholder.matches() ? placeholder.group(1) : String.valueOf(port));
        }

        boolean declares(String property) {
            return BOOT_PROPERTIES.contains(property) || declared.contains(property);
        }

        /**
         * Whether Spring Boot's relaxed binding maps {@code variable} to a declared property: upper case, dots
         * as underscores, and dashes either dropped ({@code BASEURL}) or as underscores ({@code BASE_URL}).
         */
        boolean declaresVariable(String variable) {
            return Stream.concat(BOOT_PROPERTIES.stream(), declared.stream())
                    .filter(key -> !key.contains("["))
                    .anyMatch(key -> environmentForms(key).contains(variable))
                    || listEntryVariable(variable).isPresent();
        }

        /**
         * The field of a list entry a variable sets, as Spring Boot maps {@code LIST_<index>_<FIELD>} to
         * {@code list[index].field}: {@code TONGBAN_PLATFORM_CENTERS_0_PUBLICKEY} (or {@code _PUBLIC_KEY}) sets
         * {@code public-key} of entry 0 of {@code tongban.platform.centers}.
         */
        Optional<ListEntryVariable> listEntryVariable(String variable) {
            for (Map.Entry<String, Set<String>> list : listFields.entrySet()) {
                for (String prefix : environmentForms(list.getKey())) {
                    if (!variable.startsWith(prefix)) {
                        continue;
                    }
                    Matcher rest = INDEX_AND_FIELD.matcher(variable.substring(prefix.length()));
                    if (!rest.matches()) {
                        continue;
                    }
                    for (String field : list.getValue()) {
                        if (environmentForms(field).contains(rest.group(2))) {
                            return Optional.of(new ListEntryVariable(list.getKey(), Integer.parseInt(rest.group(1)), field));
                        }
                    }
                }
            }
            return Optional.empty();
        }

        /** The variable of {@code names} that sets a field of a list entry, or its canonical name if none does. */
        String listEntryVariableFor(String list, int index, String field, Set<String> names) {
            ListEntryVariable wanted = new ListEntryVariable(list, index, field);
            return names.stream().filter(n -> listEntryVariable(n).filter(wanted::equals).isPresent()).findFirst()
                    .orElse(listEntryVariableName(list, index, field));
        }

        /** The variable of {@code names} that binds to a property, or its canonical name if none does. */
        String variableFor(String property, Set<String> names) {
            Set<String> forms = environmentForms(property);
            return names.stream().filter(forms::contains).findFirst()
                    .orElse(property.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", ""));
        }

        static String listEntryVariableName(String list, int index, String field) {
            return list.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "") + "_" + index + "_"
                    + field.toUpperCase(Locale.ROOT).replace("-", "");
        }

        /** Whether {@code name} is a configuration key of the service or the start of one. */
        boolean declaresKeyPrefix(String name) {
            return declared.stream().anyMatch(key -> key.equals(name) || key.startsWith(name + ".")
                    || key.startsWith(name + "[") || key.startsWith(name + "-"));
        }

        static Set<String> environmentForms(String property) {
            String upper = property.toUpperCase(Locale.ROOT).replace('.', '_');
            return new TreeSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
        }

        /** The main configuration file, relative to the repository root, for messages. */
        String mainFileName() {
            return REPO.relativize(mainFile()).toString();
        }

        String sources() {
            return files.stream().map(f -> REPO.relativize(f).toString()).collect(Collectors.joining(", "));
        }
    }

    /** A variable that sets {@code field} of entry {@code index} of the list property {@code list}. */
    record ListEntryVariable(String list, int index, String field) {
    }

    /** Where a container's environment variable comes from: kind, and the ConfigMap or Secret and key, or the value. */
    record EnvSource(String kind, String name, String key, String value) {

        static final String LITERAL = "ConfigMap literal";
        static final String INLINE = "inline value";
        static final String SECRET = "Secret";
        static final String CONFIG_MAP = "ConfigMap";

        static EnvSource literal(String value) {
            return new EnvSource(LITERAL, null, null, value);
        }

        /** An entry of a container's env list. */
        static EnvSource of(Map<String, Object> entry) {
            Map<String, Object> secret = map(at(entry, "valueFrom", "secretKeyRef"));
            Map<String, Object> configMap = map(at(entry, "valueFrom", "configMapKeyRef"));
            if (!secret.isEmpty()) {
                return new EnvSource(SECRET, String.valueOf(secret.get("name")), String.valueOf(secret.get("key")), null);
            }
            if (!configMap.isEmpty()) {
                return new EnvSource(CONFIG_MAP, String.valueOf(configMap.get("name")),
                        String.valueOf(configMap.get("key")), null);
            }
            return new EnvSource(INLINE, null, null, entry.containsKey("value") ? String.valueOf(entry.get("value")) : null);
        }

        boolean fromSecret() {
            return SECRET.equals(kind);
        }

        boolean fromConfigMap() {
            return CONFIG_MAP.equals(kind) || (LITERAL.equals(kind) && value != null && !value.isBlank());
        }

        @Override
        public String toString() {
            return switch (kind) {
                case SECRET, CONFIG_MAP -> kind + " " + name + " key " + key;
                default -> "an " + kind;
            };
        }
    }

    /** A base under k8s/base: the service module it deploys and its resources. */
    record KustomizeBase(Path dir, String module, Map<String, Object> kustomization) {

        static List<KustomizeBase> all() {
            return List.of(of("platform", "national-platform-service"), of("center", "center-service"));
        }

        private static KustomizeBase of(String name, String module) {
            Path dir = K8S.resolve("base").resolve(name);
            return new KustomizeBase(REPO.relativize(dir), module, map(loadYaml(dir.resolve("kustomization.yaml")).get(0)));
        }

        Map<String, Object> resource(String kind) {
            for (String file : strings(kustomization.get("resources"))) {
                for (Object document : loadYaml(REPO.resolve(dir).resolve(file))) {
                    if (kind.equals(map(document).get("kind"))) {
                        return map(document);
                    }
                }
            }
            fail(dir + " has no " + kind);
            return Map.of();
        }

        Map<String, String> configMapLiterals() {
            return literals(kustomization);
        }

        /** The container's environment: the generated ConfigMap's literals, then its env list. */
        Map<String, EnvSource> environment() {
            Map<String, EnvSource> env = new LinkedHashMap<>();
            configMapLiterals().forEach((name, value) -> env.put(name, EnvSource.literal(value)));
            Map<String, Object> container = map(list(at(resource("Deployment"), "spec", "template", "spec",
                    "containers")).get(0));
            list(container.get("env")).forEach(e -> env.put(String.valueOf(map(e).get("name")), EnvSource.of(map(e))));
            return env;
        }

        Set<String> variableNames() {
            Set<String> names = new TreeSet<>(configMapLiterals().keySet());
            Map<String, Object> container = map(list(at(resource("Deployment"), "spec", "template", "spec",
                    "containers")).get(0));
            list(container.get("env")).forEach(e -> names.add(String.valueOf(map(e).get("name"))));
            return names;
        }
    }

    /** An overlay under k8s/overlays. */
    record Overlay(Path dir, Map<String, Object> kustomization) {

        private static final Pattern CENTER_OVERLAY = Pattern.compile("center-(\\d{6})");

        static List<Overlay> all() {
            try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
                return dirs.filter(Files::isDirectory).sorted()
                        .map(d -> new Overlay(REPO.relativize(d), map(loadYaml(d.resolve("kustomization.yaml")).get(0))))
                        .toList();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot list k8s/overlays", e);
            }
        }

        /** The center code of a center-&lt;code&gt; overlay, or null for another overlay. */
        String centerCode() {
            Matcher matcher = CENTER_OVERLAY.matcher(dir.getFileName().toString());
            return matcher.matches() ? matcher.group(1) : null;
        }

        KustomizeBase base() {
            List<String> resources = strings(kustomization.get("resources"));
            return KustomizeBase.all().stream()
                    .filter(b -> resources.stream().anyMatch(r -> REPO.resolve(dir).resolve(r).normalize()
                            .equals(REPO.resolve(b.dir()).normalize())))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(dir + " builds on no base of k8s/base: " + resources));
        }

        Map<String, String> configMapLiterals() {
            return literals(kustomization);
        }

        boolean selectorLabelsContain(String code) {
            return list(kustomization.get("labels")).stream().map(DeploymentFilesAgreeTest::map)
                    .filter(l -> Boolean.TRUE.equals(l.get("includeSelectors")))
                    .anyMatch(l -> map(l.get("pairs")).values().stream().anyMatch(v -> String.valueOf(v).contains(code)));
        }

        /** Environment variables the overlay's patches set, by name, with the Secret each refers to (if any). */
        Map<String, String> patchedEnvironment() {
            Map<String, String> env = new LinkedHashMap<>();
            patchedEntries().forEach((name, source) -> env.put(name, source.fromSecret() ? source.name() : null));
            return env;
        }

        /** Environment variables the overlay's patches set, by name, with where each comes from. */
        Map<String, EnvSource> patchedEntries() {
            Map<String, EnvSource> env = new LinkedHashMap<>();
            for (Object entry : list(kustomization.get("patches"))) {
                Object patch = map(entry).get("patch");
                if (patch == null) {
                    continue;
                }
                Map<String, Object> document = map(new Yaml(new SafeConstructor(new LoaderOptions()))
                        .load(String.valueOf(patch)));
                for (Object container : list(at(document, "spec", "template", "spec", "containers"))) {
                    for (Object variable : list(map(container).get("env"))) {
                        env.put(String.valueOf(map(variable).get("name")), EnvSource.of(map(variable)));
                    }
                }
            }
            return env;
        }

        /**
         * The container's environment as the overlay builds it: the base's ConfigMap literals merged with the
         * overlay's, the base's env list, the overlay's patches (an env entry of the same name replaces it).
         */
        Map<String, EnvSource> environment() {
            Map<String, EnvSource> env = new LinkedHashMap<>(base().environment());
            configMapLiterals().forEach((name, value) -> env.put(name, EnvSource.literal(value)));
            env.putAll(patchedEntries());
            return env;
        }
    }

    private static Map<String, String> literals(Map<String, Object> kustomization) {
        Map<String, String> literals = new LinkedHashMap<>();
        for (Object generator : list(kustomization.get("configMapGenerator"))) {
            for (String literal : strings(map(generator).get("literals"))) {
                int equals = literal.indexOf('=');
                assertTrue(equals > 0, () -> "configMapGenerator literal without '=': " + literal);
                literals.put(literal.substring(0, equals), literal.substring(equals + 1));
            }
        }
        return literals;
    }

    @Test
    void relaxedBindingFormsAreThoseOfSpringBoot() {
        assertEquals(Set.of("SPRING_KAFKA_BOOTSTRAPSERVERS", "SPRING_KAFKA_BOOTSTRAP_SERVERS"),
                ServiceConfig.environmentForms("spring.kafka.bootstrap-servers"));
        assertEquals(Set.of("TONGBAN_CENTER_CODE"), ServiceConfig.environmentForms("tongban.center.code"));
    }

    @Test
    void listEntryVariablesSetFieldsOfTheEntriesAlsoFieldsNoEntryHasInTheFile() {
        assertEquals(Optional.of(new ListEntryVariable(REGISTRY, 0, REGISTRY_PUBLIC_KEY)),
                platformConfig.listEntryVariable("TONGBAN_PLATFORM_CENTERS_0_PUBLICKEY"));
        assertEquals(Optional.of(new ListEntryVariable(REGISTRY, 12, REGISTRY_PUBLIC_KEY)),
                platformConfig.listEntryVariable("TONGBAN_PLATFORM_CENTERS_12_PUBLIC_KEY"));
        assertEquals(Optional.of(new ListEntryVariable(REGISTRY, 2, "code")),
                platformConfig.listEntryVariable("TONGBAN_PLATFORM_CENTERS_2_CODE"));
        assertEquals(Optional.empty(), platformConfig.listEntryVariable("TONGBAN_PLATFORM_CENTERS_0_PUBLICKEYS"));
        assertEquals(Optional.empty(), platformConfig.listEntryVariable("TONGBAN_PLATFORM_CENTERS_PUBLICKEY"));
        assertTrue(platformConfig.declaresVariable(SIGNING_KEY) && centerConfig.declaresVariable(SIGNING_KEY));
        assertTrue(centerConfig.declaresVariable("TONGBAN_CENTER_PLATFORMPUBLICKEY"));
        assertEquals("TONGBAN_PLATFORM_CENTERS_1_PUBLICKEY",
                ServiceConfig.listEntryVariableName(REGISTRY, 1, REGISTRY_PUBLIC_KEY));
    }
}

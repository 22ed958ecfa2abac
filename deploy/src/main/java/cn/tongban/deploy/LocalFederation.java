package cn.tongban.deploy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The local federation (DESIGN §7) with one command: a real Kafka broker, a file-backed
 * MongoDB-wire-compatible server, the external-department simulator, the national platform and the three
 * demo centers, all on the loopback interface, with state kept in a data directory between runs.
 *
 * <p>Start order: the broker process first (it takes longest), MongoDB and WireMock in this JVM meanwhile,
 * then, once the broker answers, the topics of DESIGN §3 and the four services in parallel. Ctrl-C stops
 * them in the reverse order: services, broker, simulator, database.
 *
 * <p>Exit codes: 0 after Ctrl-C, 1 when a part failed to start, 2 when a precondition (free ports, built
 * jars, arguments) does not hold.
 */
public final class LocalFederation {

    /** The pid file name of the launcher itself, which hosts MongoDB and the simulator. */
    static final String LAUNCHER = "launcher";

    private static final Duration KAFKA_READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);
    private static final int LOG_TAIL_LINES = 60;

    private final LauncherSettings settings;
    private final DataDirectory data;
    private final Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    private final PrintStream out = System.out;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private boolean stopping;
    private KafkaBroker broker;
    private EmbeddedMongo mongo;
    private DepartmentSimulator simulator;
    private final List<ServiceProcess> services = new ArrayList<>();

    LocalFederation(LauncherSettings settings) {
        this.settings = settings;
        this.data = new DataDirectory(settings.dataDir());
    }

    /**
     * Starts the federation and keeps it running until Ctrl-C.
     *
     * @param args see {@link LauncherSettings#USAGE}
     */
    public static void main(String[] args) {
        // Before any library logs: the launcher's own Logback configuration, quiet on the console.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "launcher-logback.xml");
        }
        if (List.of(args).contains("--help")) {
            System.out.print(LauncherSettings.USAGE);
            return;
        }
        LauncherSettings settings;
        try {
            settings = LauncherSettings.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LauncherSettings.USAGE);
            System.exit(2);
            return;
        }
        // Library logs (MongoDB server, H2, Jetty) go to the data directory, not to the user's console.
        System.setProperty("tongban.launcher.log",
                new DataDirectory(settings.dataDir()).logFile(LAUNCHER).toString());
        LocalFederation federation = new LocalFederation(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(federation::stop, "tongban-federation-shutdown"));
        int exitCode = federation.start();
        if (exitCode != 0) {
            federation.stop();
            System.exit(exitCode);
        }
        federation.awaitStopped();
    }

    /**
     * Starts every part and waits until the services report UP.
     *
     * @return the exit code: 0 when the federation runs (or was stopped during start-up by Ctrl-C)
     */
    int start() {
        long startedAt = System.nanoTime();
        try {
            checkPreconditions();
            if (settings.reset()) {
                data.reset();
                out.println("Deleted the stored topics, databases and logs under " + data.root());
            }
            data.prepare();
            Files.writeString(data.pidFile(LAUNCHER), Long.toString(ProcessHandle.current().pid()));
            startInfrastructure();
            if (!settings.infraOnly()) {
                startServices();
                awaitServicesUp();
            }
            printSummary(Duration.ofNanos(System.nanoTime() - startedAt));
            watchForUnexpectedExits();
            return 0;
        } catch (PreconditionFailure e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (StartupFailure e) {
            if (isStopping()) {
                return 0;
            }
            reportFailure(e);
            return 1;
        } catch (IOException | RuntimeException e) {
            if (isStopping()) {
                return 0;
            }
            System.err.println("The federation failed to start: " + e);
            e.printStackTrace();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return isStopping() ? 0 : 1;
        }
    }

    /**
     * Stops whatever was started, in reverse order; safe to call more than once and from the shutdown hook.
     */
    void stop() {
        List<ServiceProcess> runningServices;
        boolean alreadyStopping;
        synchronized (this) {
            alreadyStopping = stopping;
            stopping = true;
            runningServices = List.copyOf(services);
        }
        if (alreadyStopping) {
            awaitStopped();
            return;
        }
        try {
            if (broker != null || mongo != null || simulator != null) {
                out.println();
                out.println("Stopping the federation ...");
                stopServices(runningServices);
                if (broker != null) {
                    out.println("  " + broker.stop());
                }
                if (simulator != null) {
                    out.println("  " + simulator.stop());
                }
                if (mongo != null) {
                    out.println("  " + mongo.stop());
                }
                out.println("Stopped. State is kept in " + data.root());
            }
        } catch (RuntimeException e) {
            System.err.println("Error while stopping: " + e);
        } finally {
            try {
                Files.deleteIfExists(data.pidFile(LAUNCHER));
            } catch (IOException ignored) {
                // A stale pid file only makes a later port conflict message more helpful, never wrong.
            }
            stopped.countDown();
        }
    }

    private void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    private void checkPreconditions() {
        List<String> problems = new ArrayList<>();
        if (!settings.infraOnly()) {
            String version = projectVersion();
            for (FederationService service : FederationLayout.services()) {
                Path jar = service.executableJar(settings.repoRoot(), version);
                if (!Files.isRegularFile(jar)) {
                    problems.add("missing " + settings.repoRoot().relativize(jar)
                            + ": build it first with 'mvn -DskipTests install' (deploy/run-local.sh does)");
                }
            }
        }
        Map<String, Integer> ports = new LinkedHashMap<>(FederationLayout.ports());
        if (settings.infraOnly()) {
            FederationLayout.services().forEach(s -> ports.remove(s.name()));
        }
        problems.addAll(PortCheck.takenPorts(ports, data));
        if (!problems.isEmpty()) {
            throw new PreconditionFailure("Cannot start the local federation:" + System.lineSeparator()
                    + problems.stream().map(p -> "  - " + p).collect(Collectors.joining(System.lineSeparator())));
        }
    }

    private void startInfrastructure() throws IOException, InterruptedException {
        out.println("Starting the Kafka broker (KRaft) on " + FederationLayout.kafkaBootstrapServers() + " ...");
        synchronized (this) {
            requireNotStopping();
            broker = KafkaBroker.start(data, javaBin, ownClasspath());
        }
        synchronized (this) {
            requireNotStopping();
            mongo = EmbeddedMongo.start(data);
        }
        out.println("MongoDB-wire-compatible server on " + FederationLayout.mongoUri("") + " (file "
                + mongo.file() + ")");
        synchronized (this) {
            requireNotStopping();
            simulator = DepartmentSimulator.start(settings.simulatorDir(), data);
        }
        out.println("Department simulator on " + FederationLayout.simulatorBaseUrl() + " (" + simulator.stubCount()
                + " stubs from " + settings.repoRoot().relativize(settings.simulatorDir()) + ")");
        broker.awaitReady(KAFKA_READY_TIMEOUT);
        broker.createTopics(FederationLayout.topics(), FederationLayout.TOPIC_PARTITIONS);
        out.println("Kafka broker ready; topics: " + String.join(", ", FederationLayout.topics()));
    }

    private void startServices() throws IOException {
        String version = projectVersion();
        for (FederationService service : FederationLayout.services()) {
            synchronized (this) {
                requireNotStopping();
                // Working directory: the data directory, so nothing a service writes lands in the work tree.
                services.add(ServiceProcess.start(service, service.executableJar(settings.repoRoot(), version),
                        javaBin, data.root(), data));
            }
        }
        out.println("Started " + services.stream().map(s -> s.service().name()).collect(Collectors.joining(", "))
                + "; logs in " + data.logsDir());
    }

    private void awaitServicesUp() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long begin = System.nanoTime();
        long deadline = begin + settings.healthTimeout().toNanos();
        long nextProgress = begin + PROGRESS_INTERVAL.toNanos();
        List<ServiceProcess> pending = new ArrayList<>(services);
        while (!pending.isEmpty()) {
            requireNotStopping();
            for (ServiceProcess service : List.copyOf(pending)) {
                if (!service.process().isAlive()) {
                    throw new StartupFailure(service.process(), service.service().name()
                            + " exited during start-up with code " + service.process().exitValue());
                }
                if (service.isUp(http)) {
                    pending.remove(service);
                    out.printf("  %-14s UP after %d s%n", service.service().name(), seconds(begin));
                }
            }
            long now = System.nanoTime();
            if (!pending.isEmpty() && now > deadline) {
                ServiceProcess first = pending.get(0);
                throw new StartupFailure(first.process(), "not UP within " + settings.healthTimeout().toSeconds()
                        + " s: " + pending.stream().map(s -> s.service().name() + " (" + s.lastHealth() + ")")
                        .collect(Collectors.joining(", ")));
            }
            if (!pending.isEmpty() && now > nextProgress) {
                out.printf("  waiting %3d s: %s%n", seconds(begin), pending.stream()
                        .map(s -> s.service().name() + " " + firstWord(s.lastHealth()))
                        .collect(Collectors.joining(", ")));
                nextProgress = now + PROGRESS_INTERVAL.toNanos();
            }
            Thread.sleep(pending.isEmpty() ? 0 : 500);
        }
    }

    private void watchForUnexpectedExits() {
        List<ChildProcess> children = new ArrayList<>();
        children.add(broker.process());
        services.forEach(s -> children.add(s.process()));
        for (ChildProcess child : children) {
            child.onExit(() -> {
                if (!isStopping()) {
                    System.err.println();
                    System.err.println("!! " + child.name() + " exited unexpectedly with code " + child.exitValue()
                            + "; the rest keeps running. Last lines of " + child.logFile() + ":");
                    System.err.println(child.logTail(LOG_TAIL_LINES));
                }
            });
        }
    }

    private void stopServices(List<ServiceProcess> runningServices) {
        if (runningServices.isEmpty()) {
            return;
        }
        ExecutorService executor = Executors.newFixedThreadPool(runningServices.size());
        try {
            List<CompletableFuture<Void>> stops = runningServices.stream()
                    .map(s -> CompletableFuture.supplyAsync(() -> s.process().stop(SERVICE_STOP_GRACE), executor)
                            .thenAccept(message -> out.println("  " + message)))
                    .toList();
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        } finally {
            executor.shutdown();
        }
    }

    private void printSummary(Duration took) {
        out.println();
        out.printf("%s (%d s). Data: %s%n", settings.infraOnly()
                ? "Kafka, MongoDB and the department simulator are up; start the services yourself"
                : "Tongban local federation is UP", took.toSeconds(), data.root());
        out.println();
        if (!settings.infraOnly()) {
            out.printf("  %-26s %-24s %-46s %s%n", "service", "API", "health", "Swagger UI");
            for (ServiceProcess service : services) {
                FederationService s = service.service();
                out.printf("  %-26s %-24s %-46s %s%n", s.label(), s.baseUrl(), s.baseUrl() + "/actuator/health",
                        s.baseUrl() + "/swagger-ui.html");
            }
        }
        out.printf("  %-26s %s%n", "Kafka", FederationLayout.kafkaBootstrapServers());
        out.printf("  %-26s %s%n", "MongoDB", FederationLayout.mongoUri(""));
        out.printf("  %-26s %s%n", "department simulator",
                FederationLayout.simulatorBaseUrl() + "/__admin/mappings");
        out.printf("  %-26s %s%n", "logs", data.logsDir());
        out.println();
        if (!settings.infraOnly()) {
            DemoCenter beijing = FederationLayout.CENTERS.get(0);
            out.println("A demo token (local profile only), e.g. a counter clerk of the " + beijing.city() + " center:");
            out.println("  TOKEN=$(curl -s -X POST 'http://localhost:" + beijing.port()
                    + "/dev/token?sub=demo-clerk&roles=COUNTER_CLERK' | sed -E 's/.*\"access_token\" *: *\"([^\"]+)\".*/\\1/')");
            out.println("  curl -H \"Authorization: Bearer $TOKEN\" http://localhost:" + beijing.port()
                    + "/<an API path from its Swagger UI>");
            out.println("Roles: EMPLOYEE, EMPLOYER_AGENT, COUNTER_CLERK, REVIEWER, CENTER_ADMIN, PLATFORM_OPERATOR"
                    + " (comma-separated in roles=).");
            out.println();
        }
        out.println("Press Ctrl-C to stop.");
    }

    private void reportFailure(StartupFailure failure) {
        System.err.println();
        System.err.println("The federation failed to start: " + failure.getMessage());
        ChildProcess process = failure.process();
        if (process != null) {
            System.err.println("Last lines of " + process.logFile() + ":");
            System.err.println(process.logTail(LOG_TAIL_LINES));
        }
    }

    private synchronized void requireNotStopping() {
        if (stopping) {
            throw new StartupFailure("stopped by request");
        }
    }

    /**
     * The launcher's classpath with every entry made absolute: it holds {@code kafka_2.13} and its runtime
     * dependencies, and the broker process runs with it from another working directory.
     */
    static String ownClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The version of the project's jars, filtered into the launcher's resources by Maven. */
    static String projectVersion() {
        try (InputStream in = LocalFederation.class.getResourceAsStream("/tongban-deploy.properties")) {
            if (in == null) {
                throw new IllegalStateException("tongban-deploy.properties is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }

    private static String firstWord(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }

    /** A condition that must hold before anything starts (free ports, built jars). */
    private static final class PreconditionFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        PreconditionFailure(String message) {
            super(message);
        }
    }
}

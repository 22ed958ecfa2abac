package cn.tongban.benchmarks;

import cn.tongban.center.CenterApplication;
import cn.tongban.center.demo.DemoDataGenerator;
import cn.tongban.contracts.CenterCode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The information query (缴存贷款信息查询, item 01) of a center holding a million accounts, over REST as the front-ends
 * call it (JWT bearer, the center's security chain, JSON), beside a trivial endpoint of the same service in the same
 * run. Not a test: it prints the figures for docs/benchmarks.md and asserts nothing but completion.
 *
 * <p>The center is the real application (profile {@code local}, its demo loader with compact histories: every
 * account's balance of earlier years carried over in one entry, this interest year's months as entries) on the
 * embedded wire-compatible MongoDB with its H2 file backend ({@code -Dbench.store=h2}, the store of the local
 * federation; a million accounts do not fit a heap as Java objects) or in memory ({@code -Dbench.store=memory}, for
 * small loads). Measured per endpoint:
 * <ol>
 *   <li>throughput: {@code bench.concurrency} clients in a closed loop for {@code bench.throughput.seconds};</li>
 *   <li>latency: an open loop at {@code bench.rate} requests/s for {@code bench.seconds}, each latency counted
 *       from the request's scheduled start (no coordinated omission).</li>
 * </ol>
 * Endpoints: {@code GET /api/v1/bench/ping} (trivial, same chain and token), {@code GET /api/v1/accounts/{n}} (a
 * clerk looks up an account by number), {@code GET /api/v1/accounts/me} (a person's own account, found by identity
 * number), {@code GET /api/v1/accounts/{n}/ledger} (the ledger, latest 50 entries).
 *
 * <pre>mvn -B -q -pl benchmarks -am -Pbench verify -Dtest=InformationQueryBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.heap=6g</pre>
 * Sizes: {@code -Dbench.accounts=1000000 -Dbench.rate=1000 -Dbench.seconds=20 -Dbench.concurrency=16}.
 */
class InformationQueryBenchmark {

    static final long ACCOUNTS = Long.getLong("bench.accounts", 1_000_000);
    static final String STORE = System.getProperty("bench.store", "h2");
    static final int RATE = Integer.getInteger("bench.rate", 1000);
    static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    static final int THROUGHPUT_SECONDS = Integer.getInteger("bench.throughput.seconds", 15);
    static final int PEOPLE = 2_000;
    static final int EMPLOYERS = 2_000;
    static final CenterCode CENTER = CenterCode.of("110000");
    static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    /** The trivial endpoint: the same filters, security chain and token as the query, no work behind it. */
    @RestController
    static class PingEndpoint {

        @GetMapping("/api/v1/bench/ping")
        Map<String, String> ping() {
            return Map.of("status", "ok");
        }
    }

    @Test
    void informationQueryBesideATrivialEndpoint() throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        Path dir = Files.createTempDirectory("tongban-bench-query");
        MongoServer mongo = new MongoServer("memory".equals(STORE) ? new MemoryBackend()
                : new H2Backend(dir.resolve("center.mv.db").toString()));
        InetSocketAddress address = mongo.bind();
        ConfigurableApplicationContext center = null;
        try {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("server.port", "0");
            properties.put("spring.kafka.bootstrap-servers", broker.getBrokersAsString());
            properties.put("spring.mongodb.uri", "mongodb://" + address.getHostString() + ":" + address.getPort()
                    + "/tongban_center_110000");
            properties.put("tongban.center.code", CENTER.value());
            properties.put("tongban.demo.enabled", "true");
            properties.put("tongban.demo.accounts", String.valueOf(ACCOUNTS));
            properties.put("tongban.demo.employers", String.valueOf(EMPLOYERS));
            properties.put("tongban.demo.compact-histories", "true");
            properties.put("logging.level.root", "warn");
            properties.put("logging.level.cn.tongban.center.demoload", "info");
            properties.put("spring.main.banner-mode", "off");
            long loadStart = System.nanoTime();
            center = CenterApplication.application().sources(PingEndpoint.class).profiles("local")
                    .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            String base = "http://localhost:" + center.getEnvironment().getProperty("local.server.port");
            System.out.printf(Locale.ROOT, "%n== center started with %,d accounts (store %s) in %.0f s, store file %s%n",
                    ACCOUNTS, STORE, loadSeconds, "memory".equals(STORE) ? "-" : String.format(Locale.ROOT, "%,d MB",
                            Files.size(dir.resolve("center.mv.db")) / 1_000_000));

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(4, InformationQueryBenchmark::daemon))
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String clerk = token(http, base, "sub=bench-clerk&roles=COUNTER_CLERK");
            DemoDataGenerator generator = new DemoDataGenerator(CENTER,
                    YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1), EMPLOYERS);
            long[] sample = new SplittableRandom(7).longs(PEOPLE, 0, ACCOUNTS).toArray();
            String[] numbers = Arrays.stream(sample).mapToObj(i -> "%s1%09d".formatted(CENTER.value(), i)).toArray(String[]::new);
            String[] people = new String[PEOPLE];
            for (int i = 0; i < PEOPLE; i++) {
                people[i] = token(http, base, "sub=person-" + i + "&roles=EMPLOYEE&identityNumber="
                        + generator.account(sample[i]).identityNumber().value());
            }
            SplittableRandom pick = new SplittableRandom(11);
            Map<String, IntFunction<HttpRequest>> endpoints = new LinkedHashMap<>();
            endpoints.put("trivial GET /api/v1/bench/ping", i -> get(base + "/api/v1/bench/ping", clerk));
            endpoints.put("GET /api/v1/accounts/{n} (clerk)", i -> get(base + "/api/v1/accounts/" + numbers[i % PEOPLE], clerk));
            endpoints.put("GET /api/v1/accounts/me (person)", i -> get(base + "/api/v1/accounts/me", people[i % PEOPLE]));
            endpoints.put("GET /api/v1/accounts/{n}/ledger", i -> get(base + "/api/v1/accounts/" + numbers[i % PEOPLE] + "/ledger", clerk));

            for (var endpoint : endpoints.entrySet()) {
                check(http, endpoint.getKey(), endpoint.getValue().apply(pick.nextInt(PEOPLE)));
                closedLoop(http, endpoint.getValue(), 5); // warm-up
            }
            Map<String, Double> throughput = new LinkedHashMap<>();
            Map<String, Long> throughputErrors = new LinkedHashMap<>();
            for (var endpoint : endpoints.entrySet()) {
                errors.set(0);
                throughput.put(endpoint.getKey(), closedLoop(http, endpoint.getValue(), THROUGHPUT_SECONDS));
                throughputErrors.put(endpoint.getKey(), errors.get());
            }
            // the latency at the target rate, and at half of what the slowest endpoint carried (a rate the machine can carry)
            int carried = (int) Math.max(1, throughput.values().stream().mapToDouble(Double::doubleValue).min().orElse(2) / 2);
            Map<String, long[]> latency = new LinkedHashMap<>();
            Map<String, long[]> latencyCarried = new LinkedHashMap<>();
            Map<String, Long> latencyErrors = new LinkedHashMap<>();
            for (var endpoint : endpoints.entrySet()) {
                errors.set(0);
                latencyCarried.put(endpoint.getKey(), openLoop(http, endpoint.getValue(), carried, SECONDS));
                latency.put(endpoint.getKey(), openLoop(http, endpoint.getValue(), RATE, SECONDS));
                latencyErrors.put(endpoint.getKey(), errors.get());
            }
            double trivial = throughput.values().iterator().next();
            System.out.printf(Locale.ROOT, "%n== information query, %,d accounts, store %s, %d clients closed loop, open loops"
                    + " at %d and %d req/s for %d s each, load average at the end %.1f%n", ACCOUNTS, STORE, CONCURRENCY, RATE,
                    carried, SECONDS, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf(Locale.ROOT, "| endpoint | throughput | / trivial | at %d req/s: p50 | p99 | at %d req/s: p50 | p99 |"
                    + " errors (throughput / latency runs) |%n", RATE, carried);
            for (String name : endpoints.keySet()) {
                long[] l = latency.get(name);
                long[] c = latencyCarried.get(name);
                System.out.printf(Locale.ROOT, "| %s | %,.0f req/s | %.0f %% | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d / %d |%n",
                        name, throughput.get(name), 100 * throughput.get(name) / trivial, percentile(l, 50), percentile(l, 99),
                        percentile(c, 50), percentile(c, 99), throughputErrors.get(name), latencyErrors.get(name));
            }
        } catch (Exception | Error e) {
            e.printStackTrace(System.out);
            throw e;
        } finally {
            if (center != null) {
                center.close();
            }
            mongo.shutdownNow();
            broker.destroy();
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    static final AtomicLong errors = new AtomicLong();

    static Thread daemon(Runnable runnable) {
        Thread thread = new Thread(runnable);
        thread.setDaemon(true);
        return thread;
    }

    static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).GET().build();
    }

    static String token(HttpClient http, String base, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/dev/token?" + query))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no dev token: " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }

    static void check(HttpClient http, String name, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        System.out.printf(Locale.ROOT, "%s -> %d, %d bytes: %.160s%n", name, response.statusCode(), response.body().length(),
                response.body());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(name + " answered " + response.statusCode());
        }
    }

    /** Requests per second of {@value #CONCURRENCY} clients, each sending its next request when the last is answered. */
    static double closedLoop(HttpClient http, IntFunction<HttpRequest> request, int seconds) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CONCURRENCY; c++) {
            int client = c;
            Thread thread = daemon(() -> {
                int i = client * 7919;
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<Void> response = http.send(request.apply(i++), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        done.incrementAndGet();
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.start();
            clients.add(thread);
        }
        for (Thread client : clients) {
            client.join();
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** Latencies in ns of requests started at a steady {@code rate}, each measured from when it was due. */
    static long[] openLoop(HttpClient http, IntFunction<HttpRequest> request, int rate, int seconds) throws InterruptedException {
        int total = rate * seconds;
        long[] latencies = new long[total];
        CountDownLatch finished = new CountDownLatch(total);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        ExecutorService sender = Executors.newSingleThreadExecutor(InformationQueryBenchmark::daemon);
        sender.submit(() -> {
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    if (wait > 200_000) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait - 100_000);
                    } else {
                        Thread.onSpinWait();
                    }
                }
                int n = i;
                CompletableFuture<HttpResponse<Void>> answer = http.sendAsync(request.apply(n), HttpResponse.BodyHandlers.discarding());
                answer.whenComplete((response, failure) -> {
                    latencies[n] = System.nanoTime() - due;
                    if (failure != null || response.statusCode() != 200) {
                        errors.incrementAndGet();
                        latencies[n] = Long.MAX_VALUE; // a failure counts as slower than any answer
                    }
                    finished.countDown();
                });
            }
        });
        if (!finished.await(seconds + 120L, TimeUnit.SECONDS)) {
            System.out.printf(Locale.ROOT, "open loop at %d req/s: %d requests still unanswered, counted as failures%n", rate,
                    finished.getCount());
            for (int i = 0; i < total; i++) {
                if (latencies[i] == 0) {
                    latencies[i] = Long.MAX_VALUE;
                }
            }
        }
        sender.shutdownNow();
        return latencies;
    }

    /** The percentile in ms, nearest rank. */
    static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length) - 1;
        long value = sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
        return value == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : value / 1e6;
    }
}

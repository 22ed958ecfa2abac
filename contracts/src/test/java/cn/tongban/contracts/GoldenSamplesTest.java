package cn.tongban.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.contracts.casefile.CaseAccepted;
import cn.tongban.contracts.casefile.CaseDelivered;
import cn.tongban.contracts.casefile.CaseEvents;
import cn.tongban.contracts.casefile.CaseRejected;
import cn.tongban.contracts.casefile.CaseTransitioned;
import cn.tongban.contracts.casefile.CaseDeadlineBreached;
import cn.tongban.contracts.casefile.CaseDeadlineWarned;
import cn.tongban.contracts.event.CaseEvent;
import cn.tongban.contracts.event.EventType;
import cn.tongban.contracts.federatedquery.AccountIndexPublished;
import cn.tongban.contracts.federatedquery.FederatedQueryAnswered;
import cn.tongban.contracts.federatedquery.FederatedQueryAsked;
import cn.tongban.contracts.federatedquery.FederatedQueryRouted;
import cn.tongban.contracts.proxy.CertificateHandedOver;
import cn.tongban.contracts.proxy.ContributionUseCertificateIssued;
import cn.tongban.contracts.proxy.ProxyCertificateRequested;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One golden JSON sample per event type, at {@code golden/<ce-type>.json}: what a receiver of that type
 * must be able to read. Each sample is read into its record and written back, and must come out the same
 * JSON; the record read back from that output must equal the first. A new event type without a sample,
 * or a sample whose type no longer exists, fails the build.
 */
class GoldenSamplesTest {

    /** Built the way the services build theirs; Jackson 3 writes java.time as ISO-8601 strings by default. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The platform's own events: not steps of the case, so not in {@link CaseEvents}. */
    private static final Set<EventType> NOT_CASE_STEPS = Set.of(CaseTransitioned.TYPE, CaseDeadlineWarned.TYPE,
            CaseDeadlineBreached.TYPE, cn.tongban.contracts.casefile.CaseDeadlineChanged.TYPE,
            // the federated query: no case, no time limit (ADR 0013)
            AccountIndexPublished.TYPE, FederatedQueryAsked.TYPE, FederatedQueryRouted.TYPE, FederatedQueryAnswered.TYPE,
            // a loan paid off at its own center: an operations fact, no case
            cn.tongban.contracts.loan.LoanPaidOff.TYPE);

    /** Every event payload in this module, found on the class path, by its type. */
    static Map<String, Class<? extends CaseEvent>> eventTypes() {
        Map<String, Class<? extends CaseEvent>> types = new TreeMap<>();
        for (Class<? extends CaseEvent> payload : payloadClasses()) {
            types.put(typeOf(payload).toString(), payload);
        }
        return types;
    }

    static Stream<String> everyEventType() {
        return eventTypes().keySet().stream();
    }

    @Test
    void theScanFindsTheKnownEventTypes() {
        // guards the class-path scan itself: if it found nothing, every other check here would pass vacuously
        assertThat(eventTypes()).containsKeys(
                ProxyCertificateRequested.TYPE.toString(),
                CaseDelivered.TYPE.toString(),
                CaseAccepted.TYPE.toString(),
                CaseRejected.TYPE.toString(),
                ContributionUseCertificateIssued.TYPE.toString(),
                CertificateHandedOver.TYPE.toString(),
                CaseTransitioned.TYPE.toString());
    }

    @Test
    void everyCaseEventPayloadIsInTheCaseEventsTableUnderItsOwnType() {
        eventTypes().forEach((type, payload) -> {
            if (NOT_CASE_STEPS.contains(EventType.parse(type))) {
                assertThat(CaseEvents.kindOf(type)).as(type).isEmpty();
            } else {
                assertThat(CaseEvents.kindOf(type)).as(type)
                        .hasValueSatisfying(kind -> assertThat(kind.payload()).isEqualTo(payload));
            }
        });
    }

    @Test
    void everyEventTypeHasAGoldenSampleAndEverySampleAType() throws IOException {
        Set<String> samples;
        try (Stream<Path> files = Files.list(goldenDirectory())) {
            samples = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        assertThat(samples).as("golden samples").containsExactlyInAnyOrderElementsOf(eventTypes().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEventType")
    void theGoldenSampleReadsIntoTheRecordAndWritesBackTheSame(String type) {
        Class<? extends CaseEvent> payload = eventTypes().get(type);
        JsonNode golden = JSON.readTree(golden(type));

        CaseEvent event = JSON.treeToValue(golden, payload);
        assertThat(event.eventType()).hasToString(type);

        String written = JSON.writeValueAsString(event);
        assertThat(JSON.readTree(written)).as("written back").isEqualTo(golden);
        assertThat(JSON.readValue(written, payload)).as("read again").isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEventType")
    void theEventTypeIsNotWrittenIntoTheData(String type) {
        // the type travels as the ce_type header, never twice
        CaseEvent event = JSON.readValue(golden(type), eventTypes().get(type));

        assertThat(JSON.readTree(JSON.writeValueAsString(event)).has("eventType")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEventType")
    void theGoldenSampleShowsEveryFieldWithAValue(String type) {
        JsonNode golden = JSON.readTree(golden(type));
        CaseEvent event = JSON.treeToValue(golden, eventTypes().get(type));

        // a sample must show every field with a realistic value, so that a receiver sees them all
        assertThat(golden.toString()).doesNotContain(":null");
        assertThat(JSON.valueToTree(event).toString()).doesNotContain(":null");
    }

    @Test
    void aReceiverIgnoresAFieldAddedByANewerSender() {
        // a new optional field is not a new version (EventType): Jackson 3 does not fail on unknown properties
        ObjectNode golden = (ObjectNode) JSON.readTree(golden(CertificateHandedOver.TYPE.toString()));
        CertificateHandedOver expected = JSON.treeToValue(golden, CertificateHandedOver.class);
        golden.put("handedOverAtCounter", "3号窗口");

        assertThat(JSON.treeToValue(golden, CertificateHandedOver.class)).isEqualTo(expected);
    }

    private static byte[] golden(String type) {
        String resource = "/golden/" + type + ".json";
        try (InputStream in = GoldenSamplesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("golden sample " + resource).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path goldenDirectory() {
        URL url = GoldenSamplesTest.class.getResource("/golden");
        assertThat(url).as("golden directory on the test class path").isNotNull();
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EventType typeOf(Class<? extends CaseEvent> payload) {
        try {
            Field field = payload.getField("TYPE");
            assertThat(Modifier.isStatic(field.getModifiers())).as(payload + ".TYPE is static").isTrue();
            return (EventType) field.get(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new AssertionError(payload.getName() + " must declare public static final EventType TYPE", e);
        }
    }

    /** The concrete {@link CaseEvent} records compiled into this module (read from its class directory). */
    @SuppressWarnings("unchecked")
    private static Set<Class<? extends CaseEvent>> payloadClasses() {
        // the main classes' own directory (target/classes), not the first "cn/tongban/contracts" on the
        // class path, which is the test classes'
        URL location = CaseEvent.class.getProtectionDomain().getCodeSource().getLocation();
        assertThat(location.getProtocol()).as("contracts classes are a directory while this module is tested")
                .isEqualTo("file");
        try {
            Path base = Paths.get(location.toURI());
            assertThat(base).isDirectory();
            return walk(base);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<Class<? extends CaseEvent>> walk(Path base) {
        try (Stream<Path> files = Files.walk(base.resolve("cn/tongban/contracts"))) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> base.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "."))
                    .map(name -> name.substring(0, name.length() - ".class".length()))
                    .map(GoldenSamplesTest::load)
                    .filter(c -> CaseEvent.class.isAssignableFrom(c) && c.isRecord())
                    .map(c -> (Class<? extends CaseEvent>) c)
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, GoldenSamplesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.tongban.center.payment;

import cn.tongban.center.department.BankSettlementClient;
import cn.tongban.center.department.DepartmentsProperties;
import cn.tongban.center.department.TestDepartments;
import cn.tongban.kit.messaging.OutboxWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The payment capability as the application wires it, for tests of the capabilities that pay. */
public final class TestPayments {

    private TestPayments() {
    }

    /** A context holding {@link PaymentService} against the bank at {@code baseUrl}; close it after the test. */
    public static GenericApplicationContext context(String baseUrl, MongoTemplate mongo, Clock clock) {
        DepartmentsProperties.Timeouts timeouts = new DepartmentsProperties.Timeouts(Duration.ofSeconds(1),
                TestDepartments.READ_TIMEOUT);
        DepartmentsProperties properties = new DepartmentsProperties(URI.create(baseUrl), timeouts, timeouts, timeouts,
                timeouts, new DepartmentsProperties.Bank(Duration.ofSeconds(1), TestDepartments.READ_TIMEOUT,
                new DepartmentsProperties.Payments(3, Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ofMinutes(1))));
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(MongoOperations.class, () -> mongo);
        context.registerBean(OutboxWriter.class, () -> new OutboxWriter(mongo, null));
        context.registerBean(Clock.class, () -> clock);
        context.registerBean(DepartmentsProperties.class, () -> properties);
        context.registerBean(BankSettlementClient.class, () -> TestDepartments.bank(baseUrl));
        context.registerBean(PaymentInstructionStore.class);
        context.registerBean(PaymentService.class);
        context.refresh();
        return context;
    }
}

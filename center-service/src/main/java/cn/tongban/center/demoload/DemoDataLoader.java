package cn.tongban.center.demoload;

import cn.tongban.center.CenterProperties;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.demo.DemoDataGenerator;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * Loads synthetic demo data (the walkthrough people of the README and generated employers and accounts)
 * into an empty center database. Runs only with {@code tongban.demo.enabled=true} (the {@code local}
 * profile) and never touches a database that already holds accounts, so a restart keeps what it had.
 */
@Component
@ConditionalOnBooleanProperty("tongban.demo.enabled")
@EnableConfigurationProperties(DemoDataLoader.DemoProperties.class)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final int BATCH = 1_000;

    /**
     * {@code tongban.demo.*}.
     *
     * @param accounts generated accounts besides the walkthrough people
     * @param employers generated employers
     * @param compactHistories generated histories carried over to the current interest year, for loads of a million
     */
    @Validated
    @ConfigurationProperties("tongban.demo")
    record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("2000") @Min(0) long accounts,
                          @DefaultValue("200") @Min(1) int employers, @DefaultValue("false") boolean compactHistories) {
    }

    private final CenterProperties center;
    private final AccountStore accounts;
    private final DemoProperties properties;
    private final Clock clock;

    DemoDataLoader(CenterProperties center, AccountStore accounts, DemoProperties properties, Clock clock) {
        this.center = center;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.countAccounts() > 0) {
            log.info("demo data: the database already holds {} accounts, nothing loaded", accounts.countAccounts());
            return;
        }
        YearMonth paidUpTo = YearMonth.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).minusMonths(1);
        DemoDataGenerator full = new DemoDataGenerator(center.code(), paidUpTo, properties.employers());
        DemoDataGenerator generator = properties.compactHistories() ? full.compact() : full;
        accounts.insertEmployers(generator.employers().toList());
        accounts.insertAccounts(generator.walkthroughPeople());
        long loaded = 0;
        List<PersonalAccount> batch = new ArrayList<>(BATCH);
        for (Iterator<PersonalAccount> it = generator.accounts(properties.accounts()).iterator(); it.hasNext(); ) {
            batch.add(it.next());
            if (batch.size() == BATCH || !it.hasNext()) {
                accounts.insertAccounts(batch);
                loaded += batch.size();
                batch.clear();
                if (loaded % 100_000 == 0) {
                    log.info("demo data: {} accounts loaded", loaded);
                }
            }
        }
        log.info("demo data: {} employers, {} walkthrough people and {} generated accounts loaded for {}",
                properties.employers(), generator.walkthroughPeople().size(), loaded, center.code());
    }
}

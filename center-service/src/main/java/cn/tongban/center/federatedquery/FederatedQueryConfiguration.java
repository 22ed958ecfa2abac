package cn.tongban.center.federatedquery;

import cn.tongban.center.CenterProperties;
import cn.tongban.center.crosscenter.CaseStore;
import cn.tongban.kit.messaging.EventCodec;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.OutgoingEvents;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Wiring of the federated query. It needs the federation key ({@code tongban.federated-query.key}), or the
 * {@code local} profile, which uses the insecure dev key. Without either the center starts without it: it
 * publishes no index, its REST refuses queries with a problem saying why, and what the platform sends it about
 * federated queries is dead-lettered with the reason {@code FEDERATION_KEY_MISSING}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FederatedQueryProperties.class)
class FederatedQueryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FederatedQueryConfiguration.class);
    static final String KEY = "tongban.federated-query.key";

    @Bean
    @Conditional(HasFederationKey.class)
    IdentityHasher identityHasher(FederatedQueryProperties properties) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return new IdentityHasher(Base64.getDecoder().decode(properties.key().trim()));
        }
        log.warn("no {}: using the INSECURE dev federation key \"{}\", fit for the local profile only", KEY,
                properties.devLabel());
        return IdentityHasher.dev(properties.devLabel());
    }

    @Bean
    @Conditional(HasFederationKey.class)
    HolderIndexPublisher holderIndexPublisher(IdentityHasher hasher, AccountsOfPerson accounts, CaseStore serials,
                                              CenterProperties center, OutboxWriter writer, OutgoingEvents events,
                                              MongoOperations mongo, Clock clock, FederatedQueryProperties properties) {
        return new HolderIndexPublisher(hasher, accounts, () -> serials.nextId(center.code()), center, writer, events, mongo, clock,
                properties.indexBatchSize());
    }

    @Bean
    @Conditional(HasFederationKey.class)
    FederatedQueryService federatedQueryService(IdentityHasher hasher, HolderIndexPublisher index,
                                                AccountsOfPerson accounts, CaseStore serials, CenterProperties center,
                                                OutboxWriter writer, OutgoingEvents events, MongoOperations mongo,
                                                Clock clock, FederatedQueryProperties properties) {
        return new FederatedQueryService(hasher, index, accounts, () -> serials.nextId(center.code()), center, writer, events, mongo, clock,
                properties.answerTimeout());
    }

    @Bean
    @Conditional(HasFederationKey.class)
    IndexSweep indexSweep(HolderIndexPublisher publisher) {
        return new IndexSweep(publisher);
    }

    @Bean
    FederatedQueryInbound federatedQueryInbound(Optional<FederatedQueryService> service, EventCodec codec) {
        if (service.isEmpty()) {
            log.warn("no {} (TONGBAN_FEDERATEDQUERY_KEY): the federated query is off at this center", KEY);
        }
        return new FederatedQueryInbound(service, codec);
    }

    /** A federation key is configured, or the local profile lets the dev key stand in. */
    static class HasFederationKey implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            String key = environment.getProperty(KEY);
            return (key != null && !key.isBlank()) || environment.matchesProfiles("local");
        }
    }
}

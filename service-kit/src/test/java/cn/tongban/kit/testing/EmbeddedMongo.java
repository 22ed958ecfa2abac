package cn.tongban.kit.testing;

import cn.tongban.kit.mongo.ValueObjectConversions;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * A MongoDB-wire-compatible server in memory with a MongoTemplate configured like the services' (the
 * value-object conversions included), for data tests without a Spring context.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoDatabaseFactory factory;
    private final MongoTemplate template;

    public EmbeddedMongo(String database) {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        factory = new SimpleMongoClientDatabaseFactory(client, database);
        MongoMappingContext mapping = new MongoMappingContext();
        mapping.setSimpleTypeHolder(ValueObjectConversions.conversions().getSimpleTypeHolder());
        mapping.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), mapping);
        converter.setCustomConversions(ValueObjectConversions.conversions());
        converter.afterPropertiesSet();
        template = new MongoTemplate(factory, converter);
    }

    public MongoTemplate template() {
        return template;
    }

    public MongoDatabaseFactory factory() {
        return factory;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}

package cn.tongban.deploy;

import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The MongoDB-wire-compatible server of the local run (mongo-java-server) with its H2 backend in a file
 * of the data directory, so the services' databases survive a restart. It runs inside the launcher's JVM.
 * Production and docker-compose use a real MongoDB replica set instead (DESIGN §6).
 */
final class EmbeddedMongo {

    private final MongoServer server;
    private final Path file;

    private EmbeddedMongo(MongoServer server, Path file) {
        this.server = server;
        this.file = file;
    }

    /** Opens (or creates) the database file and listens on the loopback MongoDB port. */
    static EmbeddedMongo start(DataDirectory data) {
        Path file = data.mongoDir().resolve("tongban.mv.db");
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        try {
            server.bind(FederationLayout.LOOPBACK, FederationLayout.MONGO_PORT);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        return new EmbeddedMongo(server, file);
    }

    /** The file holding every database of the local federation. */
    Path file() {
        return file;
    }

    /** Closes client connections and the H2 store, which writes what it still holds to the file. */
    String stop() {
        server.shutdownNow();
        return "mongo stopped (" + file.getFileName() + " closed)";
    }
}

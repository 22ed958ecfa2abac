package cn.tongban.kit.testing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;

/** Changes stored content behind a GridFS store's back, as a failing disk or a careless operator would. */
public final class GridFsTampering {

    private GridFsTampering() {
    }

    /** Flips the lowest bit of one byte of the first chunk of the file {@code key} in {@code bucket}. */
    public static void flipAByte(MongoDatabase database, String bucket, String key, int offset) {
        MongoCollection<Document> chunks = database.getCollection(bucket + ".chunks");
        Document first = chunks.find(Filters.and(Filters.eq("files_id", key), Filters.eq("n", 0))).first();
        if (first == null) {
            throw new IllegalStateException("no chunk 0 of " + key + " in GridFS bucket " + bucket);
        }
        byte[] data = first.get("data", Binary.class).getData();
        int at = Math.floorMod(offset, data.length);
        data[at] ^= 0x01;
        chunks.updateOne(Filters.eq("_id", first.get("_id")), Updates.set("data", new Binary(data)));
    }
}

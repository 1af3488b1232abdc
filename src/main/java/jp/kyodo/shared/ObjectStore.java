package jp.kyodo.shared;

import java.time.Instant;

/** A place outside the database that keeps files' bytes under keys: a shared directory or an S3-compatible bucket. */
interface ObjectStore {

    /** An object as listed: its key and when it was written. */
    record Entry(String key, Instant modified) {
    }

    String kind();

    /** Writes the object; when this returns, the bytes are durable. */
    void put(String key, byte[] content);

    /** The object's bytes; an exception when there is none. */
    byte[] get(String key);

    /** Removes the object; nothing when there is none. */
    void delete(String key);

    /** Every object, for the sweep. */
    Iterable<Entry> list();
}

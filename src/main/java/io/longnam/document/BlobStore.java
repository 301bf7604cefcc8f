package io.longnam.document;

import java.util.UUID;

/**
 * Where document bytes live. PostgreSQL today; an object store is one more implementation. Callers keep the
 * returned id and the SHA-256 themselves, so a store only moves bytes.
 */
public interface BlobStore {

    UUID put(UUID organizationId, byte[] data, String sha256Hex);

    byte[] get(UUID blobId);

    void delete(UUID blobId);
}

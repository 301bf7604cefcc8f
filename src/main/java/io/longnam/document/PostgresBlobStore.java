package io.longnam.document;

import io.longnam.common.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Bytes in a bytea column (stored uncompressed: PDFs are compressed already). Runs in the caller's transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PostgresBlobStore implements BlobStore {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @Override
    public UUID put(UUID organizationId, byte[] data, String sha256Hex) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into blob (id, organization_id, sha256, size_bytes, data, created_at) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, id)
                .setParameter(2, organizationId)
                .setParameter(3, HexFormat.of().parseHex(sha256Hex))
                .setParameter(4, (long) data.length)
                .setParameter(5, data)
                .setParameter(6, clock.now())
                .executeUpdate();
        return id;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] get(UUID blobId) {
        @SuppressWarnings("unchecked")
        List<byte[]> rows = em.createNativeQuery("select data from blob where id = ?1").setParameter(1, blobId).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("blob " + blobId + " is referenced but missing");
        }
        return rows.get(0);
    }

    @Override
    public void delete(UUID blobId) {
        em.createNativeQuery("delete from blob where id = ?1").setParameter(1, blobId).executeUpdate();
    }
}

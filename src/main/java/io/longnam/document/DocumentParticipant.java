package io.longnam.document;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/**
 * Someone a restricted document is visible to (TOR 2.5.8): its workflow's creator and chain users, by actor name.
 * Written with SQL so adding one twice is harmless; read by {@link DocumentService#visible} and the document list.
 */
@Entity
@Table(name = "document_participant")
@IdClass(DocumentParticipant.Key.class)
public class DocumentParticipant extends PanacheEntityBase {

    public record Key(UUID documentId, String actor) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @jakarta.persistence.Column(name = "document_id")
    public UUID documentId;
    @Id
    public String actor;
}

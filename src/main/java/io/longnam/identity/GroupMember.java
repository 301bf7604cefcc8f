package io.longnam.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** A user's direct membership of a group; written with SQL so adding one twice is harmless. */
@Entity
@Table(name = "group_member")
@IdClass(GroupMember.Key.class)
public class GroupMember extends PanacheEntityBase {

    public record Key(UUID groupId, UUID userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "group_id")
    public UUID groupId;
    @Id
    @Column(name = "user_id")
    public UUID userId;
    @Column(name = "added_at")
    public Instant addedAt;
    @Column(name = "added_by")
    public String addedBy;
}

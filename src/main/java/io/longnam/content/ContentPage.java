package io.longnam.content;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "content_page")
public class ContentPage extends PanacheEntityBase {

    @Id
    public UUID id;
    public String slug;
    /** The version the public sees; null while the page is unpublished. */
    @Column(name = "published_seq")
    public Integer publishedSeq;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}

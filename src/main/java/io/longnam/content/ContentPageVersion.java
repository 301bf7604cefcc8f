package io.longnam.content;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "content_page_version")
public class ContentPageVersion extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "page_id")
    public UUID pageId;
    public int seq;
    @Column(name = "title_th")
    public String titleTh;
    @Column(name = "title_en")
    public String titleEn;
    @Column(name = "body_th")
    public String bodyTh;
    @Column(name = "body_en")
    public String bodyEn;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
}

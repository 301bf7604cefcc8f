package io.longnam.workflow;

import io.longnam.audit.DomainEvent;
import io.longnam.common.Clock;
import io.longnam.common.Page;
import io.longnam.common.ProblemException;
import io.longnam.identity.Caller;
import io.longnam.identity.User;
import io.longnam.identity.UserIdentities;
import io.longnam.identity.UserService;
import io.longnam.identity.UserStatus;
import io.longnam.workflow.SignatureImageDtos.SignatureDrawing;
import io.longnam.workflow.SignatureImageDtos.SignatureImageView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * People's signature images (TOR 2.5.1-2.5.2): drawn or uploaded, several per person, exactly one of them the default
 * an approval uses when it names none. A person manages their own; organisation administrators manage those of the
 * users they reach (a membership in their subtree), and everyone else is told the user does not exist.
 *
 * <p>Changes to one person's images serialise on that person's row, so "exactly one default" and "the first is the
 * default" hold under concurrent requests; a partial unique index backs it up.
 */
@ApplicationScoped
@Transactional
public class SignatureImageService {

    @Inject
    SignatureImagesConfig config;
    @Inject
    UserService users;
    @Inject
    Clock clock;
    @Inject
    Event<DomainEvent> events;

    /**
     * The image an approval puts on the page: {@code imageId}, or the user's default when null. 422
     * {@code no-signature-image} when the user has none, 404 when the id is not one of the user's images. Runs in the
     * caller's transaction if there is one; a refusal does not spoil it.
     */
    @ActivateRequestContext
    @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = ProblemException.class)
    public SignatureImagePng resolve(UUID userId, UUID imageId) {
        SignatureImage image = imageId != null
                ? SignatureImage.<SignatureImage>find("id = ?1 and userId = ?2", imageId, userId).firstResult()
                : SignatureImage.<SignatureImage>find("userId = ?1 and isDefault = true", userId).firstResult();
        if (image == null) {
            if (imageId != null) {
                throw ProblemException.notFound("signature image", imageId);
            }
            throw ProblemException.unprocessable("no-signature-image", "the signer has no signature image: draw or"
                    + " upload one at /api/v1/me/signature-images");
        }
        return new SignatureImagePng(image.id, image.png, image.widthPx, image.heightPx);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SignatureImageView> list(Caller caller, UUID userId) {
        reach(caller, userId);
        List<SignatureImage> images = SignatureImage.list("userId = ?1 order by createdAt desc, id desc", userId);
        return new Page<>(images.stream().map(SignatureImageService::view).toList(), null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SignatureImageView get(Caller caller, UUID userId, UUID imageId) {
        reach(caller, userId);
        return view(owned(userId, imageId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] png(Caller caller, UUID userId, UUID imageId) {
        reach(caller, userId);
        return owned(userId, imageId).png;
    }

    /** Renders outside any transaction (it is CPU work), then stores in a short one. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public SignatureImageView draw(Caller caller, UUID userId, SignatureDrawing drawing) {
        var problems = InkRenderer.problems(drawing, config.drawing());
        if (!problems.isEmpty()) {
            throw ProblemException.invalid("the drawing has invalid fields", problems);
        }
        reach(caller, userId);
        return store(caller, userId, SignatureImageKind.DRAWN,
                InkRenderer.render(drawing, config.maxWidthPx(), config.maxHeightPx()));
    }

    /** Decodes and normalises outside any transaction, then stores in a short one. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public SignatureImageView upload(Caller caller, UUID userId, byte[] picture) {
        reach(caller, userId);
        return store(caller, userId, SignatureImageKind.UPLOADED,
                UploadedSignature.normalise(picture, config.maxPixels(), config.maxWidthPx(), config.maxHeightPx()));
    }

    private SignatureImageView store(Caller caller, UUID userId, SignatureImageKind kind, BufferedImage picture) {
        byte[] png = png(picture);
        return QuarkusTransaction.requiringNew().call(() -> {
            User u = lockedUser(caller, userId);
            if (u.status != UserStatus.ACTIVE) {
                throw ProblemException.conflict("user-not-active", "only an active user can have signature images");
            }
            long held = SignatureImage.count("userId", userId);
            if (held >= config.maxPerUser()) {
                throw ProblemException.conflict("too-many-signature-images", "a person keeps at most "
                        + config.maxPerUser() + " signature images; delete one first");
            }
            SignatureImage image = new SignatureImage();
            image.id = UUID.randomUUID();
            image.userId = userId;
            image.kind = kind;
            image.png = png;
            image.widthPx = picture.getWidth();
            image.heightPx = picture.getHeight();
            image.isDefault = SignatureImage.count("userId = ?1 and isDefault = true", userId) == 0;
            image.createdAt = clock.now();
            image.createdBy = caller.actor();
            image.persist();
            events.fire(new DomainEvent(caller.organizationId(), caller.actor(), "signature-image.created",
                    "signature-image", image.id.toString(), Map.of("userId", userId.toString(), "kind", kind.name(),
                    "default", image.isDefault, "widthPx", image.widthPx, "heightPx", image.heightPx)));
            return view(image);
        });
    }

    public SignatureImageView makeDefault(Caller caller, UUID userId, UUID imageId) {
        lockedUser(caller, userId);
        SignatureImage image = owned(userId, imageId);
        if (!image.isDefault) {
            SignatureImage.update("isDefault = false where userId = ?1 and isDefault = true", userId);
            SignatureImage.flush();
            image.isDefault = true;
            defaultChanged(caller, image, "chosen");
        }
        return view(image);
    }

    /** Deletes the image; when it was the default, the newest remaining one becomes the default. */
    public void delete(Caller caller, UUID userId, UUID imageId) {
        lockedUser(caller, userId);
        SignatureImage image = owned(userId, imageId);
        boolean wasDefault = image.isDefault;
        image.delete();
        SignatureImage.flush();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("userId", userId.toString());
        details.put("kind", image.kind.name());
        details.put("wasDefault", wasDefault);
        events.fire(new DomainEvent(caller.organizationId(), caller.actor(), "signature-image.deleted", "signature-image",
                image.id.toString(), details));
        if (wasDefault) {
            SignatureImage newest = SignatureImage.<SignatureImage>find("userId = ?1 order by createdAt desc, id desc", userId)
                    .firstResult();
            if (newest != null) {
                newest.isDefault = true;
                defaultChanged(caller, newest, "promoted after the default was deleted");
            }
        }
    }

    /** Deleting a user erases their personal data; their signature images are part of it. */
    void onUserDeleted(@Observes(during = TransactionPhase.IN_PROGRESS) DomainEvent event) {
        if ("user.deleted".equals(event.action()) && "user".equals(event.targetType())) {
            SignatureImage.delete("userId", UUID.fromString(event.targetId()));
        }
    }

    private void defaultChanged(Caller caller, SignatureImage image, String how) {
        events.fire(new DomainEvent(caller.organizationId(), caller.actor(), "signature-image.default-changed",
                "signature-image", image.id.toString(), Map.of("userId", image.userId.toString(), "how", how)));
    }

    /**
     * The user whose images these are, if the caller reaches them: themselves, or as an administrator a user with a
     * membership in its subtree. Otherwise 404, as if the user did not exist.
     */
    private void reach(Caller caller, UUID userId) {
        if (!isSelf(caller, userId)) {
            users.visible(caller, userId);
        }
    }

    private User lockedUser(Caller caller, UUID userId) {
        reach(caller, userId);
        User u = User.findById(userId, LockModeType.PESSIMISTIC_WRITE);
        if (u == null) {
            throw ProblemException.notFound("user", userId);
        }
        return u;
    }

    private static boolean isSelf(Caller caller, UUID userId) {
        return caller.actor().equals(UserIdentities.actor(userId));
    }

    private static SignatureImage owned(UUID userId, UUID imageId) {
        SignatureImage image = SignatureImage.<SignatureImage>find("id = ?1 and userId = ?2", imageId, userId).firstResult();
        if (image == null) {
            throw ProblemException.notFound("signature image", imageId);
        }
        return image;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static SignatureImageView view(SignatureImage i) {
        return new SignatureImageView(i.id, i.userId, i.kind, i.widthPx, i.heightPx, i.isDefault, i.createdAt);
    }
}

package io.longnam.workflow;

import java.util.UUID;

/** A signature image ready to place on a page: a transparent PNG and its size in pixels. */
public record SignatureImagePng(UUID id, byte[] png, int widthPx, int heightPx) {
}

package io.longnam.common;

import java.util.List;

/** The shape of every list endpoint: a page of items and an opaque cursor for the next one (null at the end). */
public record Page<T>(List<T> items, String nextCursor) {
}

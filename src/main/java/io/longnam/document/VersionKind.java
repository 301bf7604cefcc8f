package io.longnam.document;

public enum VersionKind {
    ORIGINAL, RENDERED, SEALED, SIGNED
}

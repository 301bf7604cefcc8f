package io.longnam.identity;

/** A user starts PENDING (logged in, no rights), becomes ACTIVE when an administrator or a code admits it. */
public enum UserStatus {
    PENDING,
    ACTIVE,
    DISABLED
}

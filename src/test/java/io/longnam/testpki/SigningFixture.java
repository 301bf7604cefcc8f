package io.longnam.testpki;

/** Handle on the running test CA and TSA, injected into {@code @QuarkusTest} fields of this type. */
public record SigningFixture(TestPki pki, TestTsa tsa) {
}

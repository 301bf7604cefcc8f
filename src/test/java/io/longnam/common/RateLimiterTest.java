package io.longnam.common;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void refusesTheRequestPastTheLimitWith429PerClient() {
        RateLimiter limiter = new RateLimiter();
        for (int i = 0; i < 3; i++) {
            limiter.acquire("verification", "10.0.0.1", 3);
        }
        assertThatThrownBy(() -> limiter.acquire("verification", "10.0.0.1", 3))
                .isInstanceOfSatisfying(ProblemException.class, e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(429));
        assertThatCode(() -> limiter.acquire("verification", "10.0.0.2", 3)).doesNotThrowAnyException();
    }
}

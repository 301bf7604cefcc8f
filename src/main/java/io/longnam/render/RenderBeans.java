package io.longnam.render;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The engine is thread-safe and stateless per request: one instance serves every tenant. */
public class RenderBeans {

    @Produces
    @Singleton
    Renderer renderer() {
        return new Renderer();
    }
}

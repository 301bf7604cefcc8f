package io.longnam.job;

import io.longnam.render.Renderer;

/** The rendering engine as jobs use it: one thread-safe instance for every worker. */
final class Rendering {

    static final Renderer RENDERER = new Renderer();

    private Rendering() {
    }
}

package io.longnam.workflow;

import io.longnam.common.Problem;
import io.longnam.workflow.SignatureImageDtos.Ink;
import io.longnam.workflow.SignatureImageDtos.InkPoint;
import io.longnam.workflow.SignatureImageDtos.InkStroke;
import io.longnam.workflow.SignatureImageDtos.SignatureDrawing;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders ink strokes as a signature: centripetal Catmull-Rom curves through the points (no cusps or overshoot on
 * unevenly spaced input), a pen whose width follows the pressure, or the speed when the device reports none, on a
 * transparent background trimmed to the ink.
 */
final class InkRenderer {

    /** Pen widths in canvas units: about what a signature pad shows while drawing. */
    static final double MIN_PEN = 1.0;
    static final double MAX_PEN = 3.5;
    /** Transparent border around the ink, in pixels, so antialiased edges are not cut. */
    static final int MARGIN = 8;
    /** A small drawing is enlarged at most this much: curves stay smooth, but a dot should not become a blob. */
    static final double MAX_UPSCALE = 4;
    static final Color BLUE = new Color(0x1A, 0x2E, 0x80);
    static final Color BLACK = new Color(0x14, 0x14, 0x14);
    private static final double DEFAULT_PRESSURE = 0.5;
    private static final double MIN_RADIUS_PX = 0.6;
    /** Caps the pieces that make up the ink, so the cost of rendering stays bounded whatever the drawing. */
    private static final double MAX_SAMPLES = 50_000;
    /** Turns sharper than about 15° between samples get a round joint. */
    private static final double SHARP_TURN_COS = Math.cos(Math.toRadians(15));
    private static final int MAX_ERRORS = 20;
    static final int MAX_DENSITY = 200;
    private static final double KAPPA = 0.5522847498;

    private InkRenderer() {
    }

    /** Everything wrong with a drawing, each naming its field ({@code strokes[0].points[3].x}); empty when it is fine. */
    static List<Problem.FieldError> problems(SignatureDrawing d, SignatureImagesConfig.Drawing limits) {
        List<Problem.FieldError> errors = new ArrayList<>();
        double width = canvasSide(d.width(), "width", limits.maxCanvas(), errors);
        double height = canvasSide(d.height(), "height", limits.maxCanvas(), errors);
        if (d.strokes().size() > limits.maxStrokes()) {
            errors.add(new Problem.FieldError("strokes", "at most " + limits.maxStrokes() + " strokes"));
            return errors;
        }
        long points = d.strokes().stream().mapToLong(s -> s.points().size()).sum();
        if (points > limits.maxPoints()) {
            errors.add(new Problem.FieldError("strokes", "at most " + limits.maxPoints() + " points in all strokes"));
            return errors;
        }
        for (int s = 0; s < d.strokes().size() && errors.size() < MAX_ERRORS; s++) {
            List<InkPoint> ps = d.strokes().get(s).points();
            for (int i = 0; i < ps.size() && errors.size() < MAX_ERRORS; i++) {
                InkPoint p = ps.get(i);
                String at = "strokes[" + s + "].points[" + i + "].";
                range(p.x(), at + "x", 0, width, errors);
                range(p.y(), at + "y", 0, height, errors);
                if (p.pressure() != null) {
                    range(p.pressure(), at + "pressure", 0, 1, errors);
                }
                if (p.t() != null) {
                    range(p.t(), at + "t", 0, Double.MAX_VALUE, errors);
                }
            }
        }
        if (errors.isEmpty() && tooDense(d)) {
            errors.add(new Problem.FieldError("strokes", "the ink is too dense: all strokes together may be at most "
                    + MAX_DENSITY + " times as long as the drawing is wide or high"));
        }
        return errors;
    }

    /**
     * Rendering costs in proportion to the ink's length on the image, and a scribble that fills its box hundreds of
     * times over is no signature (a real one is some 10-30 times its width).
     */
    private static boolean tooDense(SignatureDrawing d) {
        double length = 0, minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (InkStroke s : d.strokes()) {
            InkPoint previous = null;
            for (InkPoint p : s.points()) {
                if (previous != null) {
                    length += Math.hypot(p.x() - previous.x(), p.y() - previous.y());
                }
                minX = Math.min(minX, p.x());
                minY = Math.min(minY, p.y());
                maxX = Math.max(maxX, p.x());
                maxY = Math.max(maxY, p.y());
                previous = p;
            }
        }
        return length > MAX_DENSITY * Math.max(MAX_PEN, Math.max(maxX - minX, maxY - minY));
    }

    private static double canvasSide(Double side, String field, int max, List<Problem.FieldError> errors) {
        if (side == null) {
            return max;
        }
        return range(side, field, 1, max, errors) ? side : max;
    }

    private static boolean range(double v, String field, double min, double max, List<Problem.FieldError> errors) {
        if (!Double.isFinite(v) || v < min || v > max) {
            errors.add(new Problem.FieldError(field, "must be a number from " + plain(min) + " to "
                    + (max == Double.MAX_VALUE ? "any finite value" : plain(max))));
            return false;
        }
        return true;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** A pen position in canvas units with the pen's radius there. */
    private record Dab(double x, double y, double radius) {
    }

    /** The drawing as an image of at most {@code maxWidth} × {@code maxHeight}; the drawing must have passed {@link #problems}. */
    static BufferedImage render(SignatureDrawing d, int maxWidth, int maxHeight) {
        List<List<Dab>> strokes = new ArrayList<>();
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (InkStroke s : d.strokes()) {
            List<Dab> dabs = dabs(s.points());
            for (Dab p : dabs) {
                minX = Math.min(minX, p.x() - p.radius());
                minY = Math.min(minY, p.y() - p.radius());
                maxX = Math.max(maxX, p.x() + p.radius());
                maxY = Math.max(maxY, p.y() + p.radius());
            }
            strokes.add(dabs);
        }
        double inkWidth = maxX - minX;
        double inkHeight = maxY - minY;
        double scale = Math.min(MAX_UPSCALE, Math.min((maxWidth - 2.0 * MARGIN) / inkWidth, (maxHeight - 2.0 * MARGIN) / inkHeight));
        int w = Math.min(maxWidth, (int) Math.ceil(inkWidth * scale) + 2 * MARGIN);
        int h = Math.min(maxHeight, (int) Math.ceil(inkHeight * scale) + 2 * MARGIN);

        double ox = MARGIN - minX * scale;
        double oy = MARGIN - minY * scale;
        double length = 0;
        for (List<Dab> s : strokes) {
            for (int i = 1; i < s.size(); i++) {
                length += Math.hypot(s.get(i).x() - s.get(i - 1).x(), s.get(i).y() - s.get(i - 1).y()) * scale;
            }
        }
        // Samples 2 px apart keep curves smooth at any pen width; very long ink is sampled more coarsely.
        double spacing = Math.max(2.0, length / MAX_SAMPLES);
        Path2D.Double ink = new Path2D.Double(Path2D.WIND_NON_ZERO);
        for (List<Dab> s : strokes) {
            List<Dab> px = s.stream().map(p -> new Dab(ox + p.x() * scale, oy + p.y() * scale,
                    Math.max(MIN_RADIUS_PX, p.radius() * scale))).toList();
            addStroke(ink, px, spacing);
        }

        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(d.ink() == Ink.BLACK ? BLACK : BLUE);
            // One fill of one non-zero path: overlapping pieces of ink are antialiased once, so joints show no seams.
            g.fill(ink);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The stroke's points without repeats, each with the pen radius its pressure (or speed) gives. */
    private static List<Dab> dabs(List<InkPoint> points) {
        List<InkPoint> distinct = new ArrayList<>();
        for (InkPoint p : points) {
            InkPoint last = distinct.isEmpty() ? null : distinct.getLast();
            if (last == null || last.x().doubleValue() != p.x() || last.y().doubleValue() != p.y()) {
                distinct.add(p);
            }
        }
        double[] pressure = pressures(distinct);
        List<Dab> dabs = new ArrayList<>(distinct.size());
        for (int i = 0; i < distinct.size(); i++) {
            double width = MIN_PEN + (MAX_PEN - MIN_PEN) * pressure[i];
            dabs.add(new Dab(distinct.get(i).x(), distinct.get(i).y(), width / 2));
        }
        return dabs;
    }

    /**
     * Pressure as reported when it varies along the stroke. Mice and most touch screens report one constant value (0.5
     * while pressed, or 0), so then the pen's speed stands in for it, as on paper: a fast line is a thin line.
     */
    private static double[] pressures(List<InkPoint> points) {
        double[] out = new double[points.size()];
        boolean varies = points.stream().map(p -> p.pressure() == null ? DEFAULT_PRESSURE : p.pressure()).distinct().count() > 1;
        boolean timed = points.size() > 1 && points.stream().allMatch(p -> p.t() != null);
        double velocity = 0;
        for (int i = 0; i < out.length; i++) {
            InkPoint p = points.get(i);
            if (varies) {
                out[i] = p.pressure() == null ? DEFAULT_PRESSURE : p.pressure();
            } else if (timed) {
                if (i > 0) {
                    InkPoint q = points.get(i - 1);
                    double dt = Math.max(1, p.t() - q.t());
                    // Smoothed, so one jittery sample does not pinch the line.
                    velocity = 0.7 * velocity + 0.3 * Math.hypot(p.x() - q.x(), p.y() - q.y()) / dt;
                }
                out[i] = i == 0 ? 1 : 1 / (1 + velocity);
            } else {
                out[i] = DEFAULT_PRESSURE;
            }
        }
        if (timed && !varies && out.length > 1) {
            out[0] = out[1];
        }
        return out;
    }

    /**
     * The outline of a round pen along the curve: quadrilaterals between neighbouring samples, and circles where the
     * curve starts, ends or turns sharply. Between dense samples of a smooth curve the direction barely changes, so
     * the quadrilaterals meet without gaps; circles (curves the rasteriser must flatten) are the costly part.
     */
    private static void addStroke(Path2D.Double ink, List<Dab> p, double spacing) {
        Dab previous = p.getFirst();
        circle(ink, previous);
        // No heading yet: the start already has its circle, and NaN compares as no sharp turn.
        double headingX = Double.NaN, headingY = Double.NaN;
        for (int i = 0; i + 1 < p.size(); i++) {
            Dab p0 = i == 0 ? reflect(p.get(1), p.get(0)) : p.get(i - 1);
            Dab p1 = p.get(i);
            Dab p2 = p.get(i + 1);
            Dab p3 = i + 2 < p.size() ? p.get(i + 2) : reflect(p.get(i), p.get(i + 1));
            double chord = Math.hypot(p2.x() - p1.x(), p2.y() - p1.y());
            int samples = (int) Math.max(1, Math.min(64, Math.ceil(chord / spacing)));
            for (int k = 1; k <= samples; k++) {
                Dab next = centripetal(p0, p1, p2, p3, (double) k / samples);
                double dx = next.x() - previous.x(), dy = next.y() - previous.y(), len = Math.hypot(dx, dy);
                if (len < 1e-9) {
                    continue;
                }
                dx /= len;
                dy /= len;
                if (dx * headingX + dy * headingY < SHARP_TURN_COS) {
                    circle(ink, previous);
                }
                quad(ink, previous, next);
                headingX = dx;
                headingY = dy;
                previous = next;
            }
        }
        circle(ink, previous);
    }

    /** A phantom point beyond {@code end}, mirroring {@code inner}, so the curve's ends have a neighbour. */
    private static Dab reflect(Dab inner, Dab end) {
        return new Dab(2 * end.x() - inner.x(), 2 * end.y() - inner.y(), end.radius());
    }

    /** The centripetal Catmull-Rom point between p1 and p2 at fraction u (Barry-Goldman); the radius is interpolated. */
    private static Dab centripetal(Dab p0, Dab p1, Dab p2, Dab p3, double u) {
        double t0 = 0;
        double t1 = t0 + knot(p0, p1);
        double t2 = t1 + knot(p1, p2);
        double t3 = t2 + knot(p2, p3);
        double t = t1 + (t2 - t1) * u;
        double a1x = lerp(p0.x(), p1.x(), t0, t1, t), a1y = lerp(p0.y(), p1.y(), t0, t1, t);
        double a2x = lerp(p1.x(), p2.x(), t1, t2, t), a2y = lerp(p1.y(), p2.y(), t1, t2, t);
        double a3x = lerp(p2.x(), p3.x(), t2, t3, t), a3y = lerp(p2.y(), p3.y(), t2, t3, t);
        double b1x = lerp(a1x, a2x, t0, t2, t), b1y = lerp(a1y, a2y, t0, t2, t);
        double b2x = lerp(a2x, a3x, t1, t3, t), b2y = lerp(a2y, a3y, t1, t3, t);
        return new Dab(lerp(b1x, b2x, t1, t2, t), lerp(b1y, b2y, t1, t2, t), p1.radius() + (p2.radius() - p1.radius()) * u);
    }

    private static double knot(Dab a, Dab b) {
        return Math.max(1e-6, Math.sqrt(Math.hypot(b.x() - a.x(), b.y() - a.y())));
    }

    private static double lerp(double a, double b, double ta, double tb, double t) {
        return ((tb - t) * a + (t - ta) * b) / (tb - ta);
    }

    /*
     * Every piece is added with the same (clockwise on screen) orientation, so under the non-zero rule overlaps add up
     * and never cancel into holes.
     */
    private static void circle(Path2D.Double path, Dab c) {
        double r = c.radius(), k = KAPPA * r, x = c.x(), y = c.y();
        path.moveTo(x + r, y);
        path.curveTo(x + r, y - k, x + k, y - r, x, y - r);
        path.curveTo(x - k, y - r, x - r, y - k, x - r, y);
        path.curveTo(x - r, y + k, x - k, y + r, x, y + r);
        path.curveTo(x + k, y + r, x + r, y + k, x + r, y);
        path.closePath();
    }

    private static void quad(Path2D.Double path, Dab a, Dab b) {
        double dx = b.x() - a.x(), dy = b.y() - a.y(), len = Math.hypot(dx, dy);
        double nx = -dy / len, ny = dx / len;
        path.moveTo(a.x() + nx * a.radius(), a.y() + ny * a.radius());
        path.lineTo(b.x() + nx * b.radius(), b.y() + ny * b.radius());
        path.lineTo(b.x() - nx * b.radius(), b.y() - ny * b.radius());
        path.lineTo(a.x() - nx * a.radius(), a.y() - ny * a.radius());
        path.closePath();
    }
}

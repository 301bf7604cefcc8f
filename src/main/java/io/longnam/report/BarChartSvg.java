package io.longnam.report;

import io.longnam.report.ReportDtos.ReportRow;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart as SVG for clients that want a picture. Drawn for a 360-pixel-wide phone screen (it scales with
 * {@code width="100%"} and keeps its proportions): 14-px Thai-capable type, a label under every few bars so labels
 * never overlap, and the count above the highest bar. All text is escaped, so a name can never become markup.
 */
public final class BarChartSvg {

    static final int WIDTH = 360;
    static final int HEIGHT = 260;
    static final int LEFT = 36;
    static final int RIGHT = 12;
    static final int TOP = 44;
    static final int BOTTOM = 48;
    static final String FONT = "Sarabun, 'TH Sarabun New', 'Noto Sans Thai', Laksaman, Tahoma, sans-serif";

    private BarChartSvg() {
    }

    public static String render(String title, String subtitle, List<ReportRow> bars) {
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"").append(escape(title)).append("\" font-family=\"")
                .append(FONT).append("\">\n");
        s.append("<title>").append(escape(title)).append("</title>\n");
        s.append("<rect width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" fill=\"#ffffff\"/>\n");
        s.append("<text x=\"").append(LEFT - 28).append("\" y=\"20\" font-size=\"16\" font-weight=\"bold\" fill=\"#1f2937\">")
                .append(escape(title)).append("</text>\n");
        s.append("<text x=\"").append(LEFT - 28).append("\" y=\"36\" font-size=\"12\" fill=\"#4b5563\">")
                .append(escape(subtitle)).append("</text>\n");
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int baseline = TOP + plotHeight;
        long max = Math.max(1, bars.stream().mapToLong(ReportRow::count).max().orElse(1));
        long step = niceStep(max);
        long top = (max + step - 1) / step * step;
        for (long v = 0; v <= top; v += step) {
            double y = baseline - (double) plotHeight * v / top;
            s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(fmt(y))
                    .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#e5e7eb\" stroke-width=\"1\"/>\n");
            s.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(fmt(y + 4))
                    .append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#6b7280\">").append(v).append("</text>\n");
        }
        if (!bars.isEmpty()) {
            double slot = (double) plotWidth / bars.size();
            double width = Math.max(1, slot * 0.7);
            int labelEvery = Math.max(1, (int) Math.ceil(bars.size() / 5.0));
            int highest = 0;
            for (int i = 0; i < bars.size(); i++) {
                if (bars.get(i).count() > bars.get(highest).count()) {
                    highest = i;
                }
            }
            for (int i = 0; i < bars.size(); i++) {
                ReportRow bar = bars.get(i);
                double h = (double) plotHeight * bar.count() / top;
                double x = LEFT + i * slot + (slot - width) / 2;
                s.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(baseline - h)).append("\" width=\"")
                        .append(fmt(width)).append("\" height=\"").append(fmt(h)).append("\" fill=\"#2e6db4\"><title>")
                        .append(escape(bar.label())).append(": ").append(bar.count()).append("</title></rect>\n");
                if (i % labelEvery == 0) {
                    s.append("<text x=\"").append(fmt(x + width / 2)).append("\" y=\"").append(baseline + 18)
                            .append("\" font-size=\"12\" text-anchor=\"middle\" fill=\"#374151\">")
                            .append(escape(shortLabel(bar.label()))).append("</text>\n");
                }
                if (i == highest && bar.count() > 0) {
                    s.append("<text x=\"").append(fmt(x + width / 2)).append("\" y=\"").append(fmt(baseline - h - 4))
                            .append("\" font-size=\"12\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#1f2937\">")
                            .append(bar.count()).append("</text>\n");
                }
            }
        }
        s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(baseline)
                .append("\" y2=\"").append(baseline).append("\" stroke=\"#9ca3af\" stroke-width=\"1\"/>\n");
        return s.append("</svg>\n").toString();
    }

    /** Day labels lose their year ("3 มี.ค. 2569" → "3 มี.ค."), which the subtitle carries. */
    static String shortLabel(String label) {
        String[] words = label.split(" ");
        return words.length == 3 && words[2].matches("\\d{4}") ? words[0] + " " + words[1] : label;
    }

    static long niceStep(long max) {
        long raw = Math.max(1, max / 4);
        long magnitude = 1;
        while (magnitude * 10 <= raw) {
            magnitude *= 10;
        }
        for (long m : new long[]{1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Scores Thai word and line breakers against a hand-segmented corpus (bench/thai-breaks/corpus.txt, its header gives the
 * convention): boundary precision, recall and F1, the bad breaks (a boundary inside a hand-marked word, i.e. a mid-word
 * line break) and among them the orthographically impossible ones (after a leading vowel, before a vowel or tone mark),
 * with context, and the time per 1,000 sentences. Run with ICU4J on the class path:
 *     java -cp icu4j.jar bench/ThaiBreaks.java bench/thai-breaks/corpus.txt [bad breaks listed per breaker=10]
 */
public class ThaiBreaks {

    static final Locale THAI = Locale.forLanguageTag("th-TH");

    /** One corpus sentence: the plain text and, per position, what the hand segmentation says about a break there. */
    record Sentence(String text, BitSet required, BitSet optional, BitSet scored) {}

    record Breaker(String name, Supplier<Function<String, BitSet>> factory) {}

    record Bad(Sentence sentence, int at, boolean impossible) {}

    record Missed(Sentence sentence, int at) {}

    public static void main(String[] args) throws Exception {
        List<Sentence> corpus = parse(Files.readAllLines(Path.of(args[0])));
        int listed = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<Breaker> breakers = List.of(
                new Breaker("JDK word", () -> jdk(java.text.BreakIterator.getWordInstance(THAI))),
                new Breaker("JDK line", () -> jdk(java.text.BreakIterator.getLineInstance(THAI))),
                new Breaker("ICU4J word", () -> icu(com.ibm.icu.text.BreakIterator.getWordInstance(THAI))),
                new Breaker("ICU4J line", () -> icu(com.ibm.icu.text.BreakIterator.getLineInstance(THAI))));

        // First use loads the classes and the Thai dictionary: what the first render after a start pays.
        StringBuilder firstUse = new StringBuilder("first use (class and dictionary loading, in this order):");
        for (Breaker b : breakers) {
            long t0 = System.nanoTime();
            b.factory().get().apply(corpus.get(0).text());
            firstUse.append(String.format(" %s %.0f ms;", b.name(), (System.nanoTime() - t0) / 1e6));
        }

        int required = 0, optional = 0, inside = 0, thaiRequired = 0, thaiInside = 0;
        for (Sentence s : corpus) {
            for (int p = s.scored().nextSetBit(0); p >= 0; p = s.scored().nextSetBit(p + 1)) {
                boolean thai = thaiPair(s.text(), p);
                if (s.required().get(p)) { required++; if (thai) thaiRequired++; }
                else if (s.optional().get(p)) optional++;
                else { inside++; if (thai) thaiInside++; }
            }
        }
        System.out.printf("corpus: %d sentences, %d chars; scored positions: %d boundaries (%d Thai|Thai), %d optional, %d inside words (%d Thai|Thai)%n",
                corpus.size(), corpus.stream().mapToInt(s -> s.text().length()).sum(), required, thaiRequired, optional, inside, thaiInside);
        System.out.printf("java %s, ICU4J %s, cores %d, load %s%n", System.getProperty("java.version"),
                com.ibm.icu.util.VersionInfo.ICU_VERSION, Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println(firstUse + "\n");

        System.out.printf("%-11s | %9s %6s %6s | %4s %6s %6s | %4s %6s | %11s %9s%n", "breaker", "precision", "recall", "F1",
                "bad", "imposs", "missed", "bad", "missed", "ms/1k reuse", "ms/1k new");
        System.out.printf("%-11s | %-42s | %-11s |%n", "", "all scored positions", "Thai|Thai");
        List<List<Bad>> allBad = new ArrayList<>();
        List<List<Missed>> allMissed = new ArrayList<>();
        for (Breaker b : breakers) {
            Function<String, BitSet> breaker = b.factory().get();
            int hit = 0, bad = 0, impossible = 0, missed = 0, thaiBad = 0, thaiMissed = 0;
            List<Bad> bads = new ArrayList<>();
            List<Missed> misses = new ArrayList<>();
            for (Sentence s : corpus) {
                BitSet found = breaker.apply(s.text());
                for (int p = s.scored().nextSetBit(0); p >= 0; p = s.scored().nextSetBit(p + 1)) {
                    boolean thai = thaiPair(s.text(), p);
                    if (s.required().get(p)) {
                        if (found.get(p)) hit++; else { missed++; if (thai) thaiMissed++; misses.add(new Missed(s, p)); }
                    } else if (!s.optional().get(p) && found.get(p)) {
                        boolean imp = impossible(s.text(), p);
                        bad++; if (thai) thaiBad++; if (imp) impossible++;
                        bads.add(new Bad(s, p, imp));
                    }
                }
            }
            double precision = hit / (double) (hit + bad), recall = hit / (double) required;
            double[] times = time(b, corpus);
            System.out.printf("%-11s | %9.3f %6.3f %6.3f | %4d %6d %6d | %4d %6d | %11.1f %9.1f%n", b.name(), precision, recall,
                    2 * precision * recall / (precision + recall), bad, impossible, missed, thaiBad, thaiMissed, times[0], times[1]);
            allBad.add(bads);
            allMissed.add(misses);
        }
        System.out.println("\n(bad = boundary inside a hand-marked word; imposs = of those, after a leading vowel or before a"
                + " vowel/tone mark, ะ, า, ำ, ๆ, ฯ or a consonant silenced by ์; missed = hand boundary the breaker does not give; '¦' positions are not scored)");

        System.out.printf("%nGreedy wrap of every sentence at %d..%d columns (a column = a character that is not a combining mark),"
                + " breaking at the breaker's boundaries, cutting between characters only when no boundary fits:%n", MIN_COLUMNS, MAX_COLUMNS);
        System.out.printf("%-11s | %6s %9s %8s %8s%n", "breaker", "lines", "mid-word", "per 1k", "forced");
        for (Breaker b : breakers) {
            Function<String, BitSet> breaker = b.factory().get();
            int[] total = new int[3];
            for (Sentence s : corpus) {
                BitSet found = breaker.apply(s.text());
                for (int w = MIN_COLUMNS; w <= MAX_COLUMNS; w++) {
                    int[] r = wrap(s, found, w);
                    for (int k = 0; k < 3; k++) total[k] += r[k];
                }
            }
            System.out.printf("%-11s | %6d %9d %8.1f %8d%n", b.name(), total[0], total[1], total[1] * 1000.0 / total[0], total[2]);
        }
        System.out.println("(mid-word = a line that ends at a bad break; forced = cut between characters because no boundary fit)");

        for (int i = 0; i < breakers.size(); i++) {
            List<Bad> bads = new ArrayList<>(allBad.get(i));
            // The impossible ones first (they break a syllable, not merely a word), then those inside Thai text.
            bads.sort(Comparator.comparing((Bad b) -> !b.impossible())
                    .thenComparing(b -> !thaiPair(b.sentence().text(), b.at())));
            System.out.printf("%n--- %s: first %d of %d bad breaks (‖ = the break; [word] = the hand word it cuts)%n",
                    breakers.get(i).name(), Math.min(listed, bads.size()), bads.size());
            for (Bad b : bads.subList(0, Math.min(listed, bads.size()))) {
                System.out.printf("  %s %s   [%s]%n", b.impossible() ? "!" : " ", context(b.sentence().text(), b.at()),
                        handWord(b.sentence(), b.at()));
            }
            List<Missed> misses = allMissed.get(i);
            System.out.printf("  missed boundaries (%d):", misses.size());
            for (Missed m : misses.subList(0, Math.min(listed, misses.size()))) {
                System.out.print("  " + context(m.sentence().text(), m.at()).replace("‖", "|").strip());
            }
            System.out.println();
        }
    }

    static final int MIN_COLUMNS = 8, MAX_COLUMNS = 40;

    /** Greedy first-fit wrap of one sentence at {@code width} columns: {lines, lines ending at a bad break, forced cuts}. */
    static int[] wrap(Sentence s, BitSet found, int width) {
        String t = s.text();
        int lines = 0, bad = 0, forced = 0;
        int start = 0;
        while (start < t.length()) {
            lines++;
            if (columns(t, start, t.length()) <= width) break;
            int end = -1;
            for (int p = start + 1; p < t.length() && columns(t, start, p) <= width; p++) {
                if (found.get(p) || Character.isWhitespace(t.charAt(p))) end = p;
            }
            if (end < 0) {
                forced++;
                for (int p = start + 1; p < t.length() && columns(t, start, p) <= width; p++) {
                    if (Character.getType(t.charAt(p)) != Character.NON_SPACING_MARK) end = p;
                }
            } else if (s.scored().get(end) && !s.required().get(end) && !s.optional().get(end)) {
                bad++;
            }
            start = end;
            while (start < t.length() && Character.isWhitespace(t.charAt(start))) start++;
        }
        return new int[] {lines, bad, forced};
    }

    static int columns(String t, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) if (Character.getType(t.charAt(i)) != Character.NON_SPACING_MARK) n++;
        return n;
    }

    static List<Sentence> parse(List<String> lines) {
        List<Sentence> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) continue;
            StringBuilder text = new StringBuilder();
            BitSet required = new BitSet(), optional = new BitSet();
            for (char c : line.strip().toCharArray()) {
                if (c == '|') required.set(text.length());
                else if (c == '¦') optional.set(text.length());
                else text.append(c);
            }
            String t = text.toString();
            BitSet scored = new BitSet();
            for (int p = 1; p < t.length(); p++) {
                if (!Character.isWhitespace(t.charAt(p - 1)) && !Character.isWhitespace(t.charAt(p))) scored.set(p);
            }
            out.add(new Sentence(t, required, optional, scored));
        }
        return out;
    }

    static Function<String, BitSet> jdk(java.text.BreakIterator it) {
        return text -> {
            it.setText(text);
            BitSet found = new BitSet();
            for (int b = it.first(); b != java.text.BreakIterator.DONE; b = it.next()) found.set(b);
            return found;
        };
    }

    static Function<String, BitSet> icu(com.ibm.icu.text.BreakIterator it) {
        return text -> {
            it.setText(text);
            BitSet found = new BitSet();
            for (int b = it.first(); b != com.ibm.icu.text.BreakIterator.DONE; b = it.next()) found.set(b);
            return found;
        };
    }

    /**
     * ms per 1,000 sentences, best of 5 rounds of at least 300 ms each after a warm-up (the machine is shared, so the best
     * round is the least disturbed one): one iterator reused (setText), and a new iterator per sentence as ThaiText.words does.
     */
    static double[] time(Breaker b, List<Sentence> corpus) {
        Function<String, BitSet> reused = b.factory().get();
        List<Supplier<Integer>> modes = List.of(
                () -> corpus.stream().mapToInt(s -> reused.apply(s.text()).cardinality()).sum(),
                () -> corpus.stream().mapToInt(s -> b.factory().get().apply(s.text()).cardinality()).sum());
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        long sink = 0;
        for (int round = -1; round < 5; round++) {
            for (int m = 0; m < modes.size(); m++) {
                int passes = 0;
                long t0 = System.nanoTime(), elapsed;
                do {
                    sink += modes.get(m).get();
                    passes++;
                    elapsed = System.nanoTime() - t0;
                } while (elapsed < 300_000_000L);
                if (round >= 0) best[m] = Math.min(best[m], elapsed / 1e6 / (passes * corpus.size()) * 1000);
            }
        }
        if (sink == 42) System.out.print("");
        return best;
    }

    static boolean isThai(char c) {
        return c >= '\u0E00' && c <= '\u0E7F';
    }

    static boolean thaiPair(String t, int p) {
        return isThai(t.charAt(p - 1)) && isThai(t.charAt(p));
    }

    /**
     * A break no Thai line may have: after เ แ โ ใ ไ, before a combining vowel/tone mark, ะ, า, ำ, ๅ, ๆ, ฯ, or before a
     * consonant silenced by ์ (it belongs to the syllable before it: เว็บไซ|ต์). Mid-syllable breaks between consonants
     * (มีค|วาม) cannot be told from the letters alone; RESULTS-thai-breaks.md classifies those by hand.
     */
    static boolean impossible(String t, int p) {
        char before = t.charAt(p - 1), after = t.charAt(p);
        return (before >= '\u0E40' && before <= '\u0E44')
                || Character.getType(after) == Character.NON_SPACING_MARK
                || "\u0E30\u0E32\u0E33\u0E45\u0E46\u0E2F".indexOf(after) >= 0
                || (p + 1 < t.length() && t.charAt(p + 1) == '\u0E4C');
    }

    static String context(String t, int p) {
        return t.substring(Math.max(0, p - 12), p) + "‖" + t.substring(p, Math.min(t.length(), p + 12));
    }

    /** The hand-marked word (between '|', '¦' or spaces) that the break at {@code p} falls in. */
    static String handWord(Sentence s, int p) {
        int from = p, to = p;
        while (from > 0 && !s.required().get(from) && !s.optional().get(from) && !Character.isWhitespace(s.text().charAt(from - 1))) from--;
        while (to < s.text().length() && !s.required().get(to) && !s.optional().get(to) && !Character.isWhitespace(s.text().charAt(to))) to++;
        return s.text().substring(from, to);
    }
}

package dev.imgsign.benchmarks;

/** The URLs every benchmark signs: a short (~45 bytes) and a long (~500 bytes) one. */
final class BenchmarkUrls {
    static final String SHORT = "http://golang.org/doc/gopher/frontpage.png";
    static final String LONG;

    static {
        StringBuilder b = new StringBuilder("https://images.example.com/uploads/2026/11/22/");
        while (b.length() < 440) {
            b.append("a-rather-long-path-segment/");
        }
        b.append("picture.jpeg?width=1024&height=768&token=abcdef0123456789&utm_source=newsletter");
        LONG = b.toString();
    }

    private BenchmarkUrls() {
    }

    static String url(String length) {
        return switch (length) {
            case "short" -> SHORT;
            case "long" -> LONG;
            default -> throw new IllegalArgumentException("length is short or long, not " + length);
        };
    }
}

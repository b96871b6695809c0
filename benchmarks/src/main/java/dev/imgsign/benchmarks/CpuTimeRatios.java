package dev.imgsign.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Ratios to the floor from per-call thread CPU time, for a loaded machine where JMH's wall times are
 * noise: the benchmark methods of {@link WeeklyBenchmark} and {@link ExpiringBenchmark} (and the
 * {@link ExpiringWorstCaseBenchmark} cases) run in interleaved rounds in one JVM, and each keeps its
 * minimum CPU time per call over the rounds after the first five (warm-up). Not a substitute for JMH
 * on a quiet machine; run {@code java -cp benchmarks/target/benchmarks.jar dev.imgsign.benchmarks.CpuTimeRatios}
 * (package-private: the launcher needs only a public {@code main}, and the package keeps its public types few).
 */
final class CpuTimeRatios {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 25;
    private static final int WARM_UP_ROUNDS = 5;
    private static volatile Object sink;

    private CpuTimeRatios() {
    }

    /** Prints the ratios for the short and long URL, then the worst cases in microseconds. */
    public static void main(String[] args) {
        for (String length : new String[] {"short", "long"}) {
            WeeklyBenchmark weekly = new WeeklyBenchmark();
            weekly.length = length;
            weekly.setUp();
            WeeklyBenchmark.Floor weeklyFloor = new WeeklyBenchmark.Floor();
            weeklyFloor.setUp(weekly);
            ExpiringBenchmark expiring = new ExpiringBenchmark();
            expiring.length = length;
            expiring.setUp();
            ExpiringBenchmark.Floor expiringFloor = new ExpiringBenchmark.Floor();
            expiringFloor.setUp();
            Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
            ops.put("weekly.floor", () -> weekly.floorMac(weeklyFloor));
            ops.put("weekly.sign", weekly::sign);
            ops.put("weekly.verify", weekly::verify);
            ops.put("expiring.floor", () -> expiring.floorMac(expiringFloor));
            ops.put("expiring.sign", expiring::sign);
            ops.put("expiring.verify", expiring::verify);
            Map<String, Double> best = minimumNanos(ops, 20_000);
            StringBuilder line = new StringBuilder(length).append(':');
            best.forEach((name, nanos) -> {
                double floor = best.get(name.substring(0, name.indexOf('.')) + ".floor");
                line.append(String.format("  %s %.0f ns (%.2fx)", name, nanos, nanos / floor));
            });
            System.out.println(line);
        }
        ExpiringWorstCaseBenchmark worst = new ExpiringWorstCaseBenchmark();
        worst.setUp();
        Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
        ops.put("weeklyForged", worst::weeklyForged);
        ops.put("weeklyEscaped", worst::weeklyEscaped);
        ops.put("expiringLongPath", worst::expiringLongPath);
        ops.put("expiringEscapedParams", worst::expiringEscapedParams);
        minimumNanos(ops, 500).forEach((name, nanos) -> System.out.printf("worst %s %.1f us%n", name, nanos / 1000));
    }

    private static Map<String, Double> minimumNanos(Map<String, Supplier<Object>> ops, int calls) {
        Map<String, Double> best = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, Supplier<Object>> op : ops.entrySet()) {
                long start = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    sink = op.getValue().get();
                }
                double nanos = (THREADS.getCurrentThreadCpuTime() - start) / (double) calls;
                if (round >= WARM_UP_ROUNDS) {
                    best.merge(op.getKey(), nanos, Math::min);
                }
            }
        }
        return best;
    }
}

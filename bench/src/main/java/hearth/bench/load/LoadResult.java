package hearth.bench.load;

import hearth.bench.Latencies;
import java.util.Locale;

/**
 * What one phase of load measured.
 *
 * @param completed      expected answers received
 * @param errors         unexpected answers and failed connections
 * @param seconds        length of the phase
 * @param latencies      latency of each answer: from sending it (closed loop) or from when it was
 *                       due to be sent (open loop, so a server that stalls is not excused)
 * @param targetRate     requests per second asked for (open loop), or 0 (closed loop)
 * @param clientCpuCores CPU the load generator's threads used, in cores
 * @param firstError     what went wrong first, or null
 */
public record LoadResult(long completed, long errors, double seconds, Latencies latencies, double targetRate,
                         double clientCpuCores, String firstError) {

    /** Expected answers per second. */
    public double rate() {
        return seconds <= 0 ? 0 : completed / seconds;
    }

    public double p50() {
        return latencies.percentileMillis(50);
    }

    public double p99() {
        return latencies.percentileMillis(99);
    }

    /** E.g. "3,456 req/s  p50 4.10 ms  p90 6.00 ms  p99 12.0 ms  max 30.1 ms  (client 0.3 cores)". */
    public String summary(String unit) {
        String text = String.format(Locale.ROOT, "%,.0f %s  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  p99.9 %.2f ms"
                        + "  max %.2f ms  (%,d answers, load generator %.2f cores)",
                rate(), unit, p50(), latencies.percentileMillis(90), p99(), latencies.percentileMillis(99.9),
                latencies.percentileMillis(100), completed, clientCpuCores);
        if (errors > 0) {
            text += String.format(Locale.ROOT, "  ERRORS %,d (first: %s)", errors, firstError);
        }
        return text;
    }
}

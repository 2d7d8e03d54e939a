package uk.inspection.ruleset;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Checks that rows' intervals cover a domain exactly once: reports gaps, overlaps and
 * rows outside it.
 */
final class IntervalCoverage {

    record Entry(int row, Interval interval) {
    }

    private IntervalCoverage() {
    }

    static void check(String field, Interval domain, List<Entry> entries, BiConsumer<Integer, String> problem) {
        List<Entry> inside = entries.stream().filter(e -> {
            Interval clipped = e.interval().within(domain);
            if (clipped.isEmpty()) {
                problem.accept(e.row(),
                        "row can never fire: " + field + " " + e.interval() + " is outside " + domain + " or empty");
                return false;
            }
            return true;
        })
            .map(e -> new Entry(e.row(), e.interval().within(domain)))
            .sorted(Comparator.comparing((Entry e) -> e.interval().low())
                .thenComparing(e -> !e.interval().lowIncluded()))
            .toList();
        // The covered part so far ends at 'reach' (included or not); the next row must
        // start exactly there.
        BigDecimal reach = domain.low();
        boolean reachIncluded = false;
        boolean started = false;
        Entry previous = null;
        for (Entry entry : inside) {
            Interval interval = entry.interval();
            int order = interval.low().compareTo(reach);
            boolean gap = started ? order > 0 || order == 0 && !reachIncluded && !interval.lowIncluded()
                    : order > 0 || !interval.lowIncluded();
            boolean overlap = started && (order < 0 || order == 0 && reachIncluded && interval.lowIncluded());
            if (gap) {
                problem.accept(entry.row(), "gap: no row for " + field + " " + Interval.plain(reach) + "–"
                        + Interval.plain(interval.low()));
            }
            if (overlap) {
                problem.accept(entry.row(), "rows " + previous.row() + " and " + entry.row() + " overlap on " + field
                        + " " + Interval.plain(interval.low()) + "–" + Interval.plain(reach.min(interval.high())));
            }
            int further = interval.high().compareTo(reach);
            if (!started || further > 0 || further == 0 && interval.highIncluded()) {
                reach = interval.high();
                reachIncluded = interval.highIncluded();
                previous = entry;
            }
            started = true;
        }
        if (!started) {
            return;
        }
        if (reach.compareTo(domain.high()) < 0 || !reachIncluded) {
            problem.accept(previous.row(),
                    "gap: no row for " + field + " " + Interval.plain(reach) + "–" + Interval.plain(domain.high())
                            + (reach.compareTo(domain.high()) == 0 ? " (the value itself)" : ""));
        }
    }

}

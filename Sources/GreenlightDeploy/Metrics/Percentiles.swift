import Foundation

/// The two kinds of percentile the metrics use.
public enum Percentiles {
    /// The nearest-rank percentile: of the n values sorted ascending, the k-th (1-based),
    /// where k = ⌈p × n / 100⌉ and at least 1. Always one of the values: the median of
    /// 4 values is the 2nd smallest, the 90th percentile of 10 values the 9th, of 15 the
    /// 14th. nil when there are no values or `p` is not in 1...100.
    public static func nearestRank(_ p: Int, of values: [Double]) -> Double? {
        guard !values.isEmpty, (1...100).contains(p) else { return nil }
        let sorted = values.sorted()
        let rank = max(1, (p * sorted.count + 99) / 100)
        return sorted[rank - 1]
    }

    /// The median as SQL's `PERCENTILE_CONT(x, 0.5)` computes it (and Four Keys uses
    /// it): the middle value, or the mean of the two middle values when the count is
    /// even. nil when there are no values.
    public static func continuousMedian(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        return (sorted[middle - 1] + sorted[middle]) / 2
    }
}

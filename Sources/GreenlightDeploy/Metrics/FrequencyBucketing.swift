import Foundation

/// Four Keys' deployment frequency bucket (see `FrequencyBucket`) over UTC calendar
/// days, weeks starting on Sunday, and calendar months.
enum FrequencyBucketing {
    private static let secondsPerDay: Double = 86_400

    /// The bucket of the deployments started at `successfulStarts` over the days that
    /// `measuredSince ..< until` touches; nil when that period is empty.
    static func bucket(successfulStarts: [Date], measuredSince: Date, until: Date) -> FrequencyBucket? {
        guard measuredSince < until else { return nil }
        let firstDay = day(of: measuredSince)
        let lastDay = Int((until.timeIntervalSince1970 / secondsPerDay).rounded(.up)) - 1
        guard lastDay >= firstDay else { return nil }

        let deployedDays = Set(successfulStarts.map(day(of:)).filter { (firstDay...lastDay).contains($0) })
        var daysDeployed: [Int: Int] = [:]
        for deployedDay in deployedDays { daysDeployed[week(of: deployedDay), default: 0] += 1 }

        let weeks = Array(week(of: firstDay)...week(of: lastDay))
        let weekDeployed = weeks.map { (daysDeployed[$0] ?? 0) > 0 ? 1 : 0 }
        var deployedWeeksPerMonth: [Int: Int] = [:]
        for (week, deployed) in zip(weeks, weekDeployed) { deployedWeeksPerMonth[month(ofWeek: week), default: 0] += deployed }

        let daysPerWeek = weeks.map { Double(daysDeployed[$0] ?? 0) }
        let monthly = weeks.map { Double(deployedWeeksPerMonth[month(ofWeek: $0)] ?? 0) }
        if let median = Percentiles.continuousMedian(daysPerWeek), median >= 3 { return .daily }
        if let median = Percentiles.continuousMedian(weekDeployed.map(Double.init)), median >= 1 { return .weekly }
        if let median = Percentiles.continuousMedian(monthly), median >= 1 { return .monthly }
        return .yearly
    }

    /// Days since 1970-01-01 UTC (negative before).
    static func day(of date: Date) -> Int {
        Int((date.timeIntervalSince1970 / secondsPerDay).rounded(.down))
    }

    /// The Sunday-to-Saturday week of a day: 1970-01-01 was a Thursday, so day 3
    /// (Sunday 1970-01-04) starts week 1.
    static func week(of day: Int) -> Int {
        let shifted = day + 4
        return shifted >= 0 ? shifted / 7 : -((-shifted + 6) / 7)
    }

    /// year × 12 + month (1-based) of the week's Sunday, in UTC.
    static func month(ofWeek week: Int) -> Int {
        let sunday = Date(timeIntervalSince1970: Double(week * 7 - 4) * secondsPerDay)
        let parts = utcCalendar.dateComponents([.year, .month], from: sunday)
        return (parts.year ?? 0) * 12 + (parts.month ?? 0)
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()
}

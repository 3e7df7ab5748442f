import Foundation
import GreenlightDeploy
import Testing

@Suite struct PercentilesAndBucketsTests {
    @Test func nearestRankPicksTheCeilingRank() {
        let ten = (1...10).map(Double.init).shuffled()
        #expect(Percentiles.nearestRank(50, of: ten) == 5)
        #expect(Percentiles.nearestRank(90, of: ten) == 9)
        #expect(Percentiles.nearestRank(100, of: ten) == 10)
        #expect(Percentiles.nearestRank(1, of: ten) == 1)
        let fifteen = (1...15).map(Double.init)
        #expect(Percentiles.nearestRank(50, of: fifteen) == 8)
        #expect(Percentiles.nearestRank(90, of: fifteen) == 14)
        #expect(Percentiles.nearestRank(50, of: [7]) == 7)
        #expect(Percentiles.nearestRank(90, of: [7]) == 7)
        #expect(Percentiles.nearestRank(50, of: [4, 1]) == 1)
        #expect(Percentiles.nearestRank(90, of: [4, 1]) == 4)
    }

    @Test func nearestRankOfNothingIsNil() {
        #expect(Percentiles.nearestRank(50, of: []) == nil)
        #expect(Percentiles.nearestRank(0, of: [1]) == nil)
        #expect(Percentiles.nearestRank(101, of: [1]) == nil)
    }

    @Test func continuousMedianAveragesTheMiddlePair() {
        #expect(Percentiles.continuousMedian([3, 1, 2]) == 2)
        #expect(Percentiles.continuousMedian([0, 1, 1, 0]) == 0.5)
        #expect(Percentiles.continuousMedian([0, 3, 1, 1, 0, 0]) == 0.5)
        #expect(Percentiles.continuousMedian([]) == nil)
    }

    @Test func timeBucketsFollowFourKeysHours() {
        #expect(TimeBucket(seconds: 0) == .oneDay)
        #expect(TimeBucket(seconds: 86_399) == .oneDay)
        #expect(TimeBucket(seconds: 86_400) == .oneWeek)
        #expect(TimeBucket(seconds: 604_799) == .oneWeek)
        #expect(TimeBucket(seconds: 604_800) == .oneMonth)
        #expect(TimeBucket(seconds: 730 * 3600 - 1) == .oneMonth)
        #expect(TimeBucket(seconds: 730 * 3600) == .sixMonths)
        #expect(TimeBucket(seconds: 4380 * 3600) == .oneYear)
        #expect(TimeBucket.allCases.map(\.leadTimeBand) == [.elite, .high, .medium, .low, .low])
    }

    @Test func changeFailureBucketsFollowFourKeys() {
        #expect(ChangeFailureBucket(rate: 0) == .upTo15)
        #expect(ChangeFailureBucket(rate: 0.15) == .upTo15)
        #expect(ChangeFailureBucket(rate: 0.1501) == .upTo45)
        #expect(ChangeFailureBucket(rate: 0.4599) == .upTo45)
        #expect(ChangeFailureBucket(rate: 0.46) == .over45)
        #expect(ChangeFailureBucket(rate: 1) == .over45)
    }

    @Test func frequencyBucketsMapToBands() {
        #expect(FrequencyBucket.allCases.map(\.band) == [.elite, .high, .medium, .low])
    }
}

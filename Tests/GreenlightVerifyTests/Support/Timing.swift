/// How late a timing assertion may be on a loaded machine. The whole test suite runs in
/// one process on 2 cores, with CPU-bound parser suites beside the live probe tests, so
/// the OS can hold a thread back for a second or more. Bounds are "the deadline plus
/// this", each still well short of what a hang or a missing timeout would take.
enum Timing {
    static let slack: Duration = .seconds(2)
}

import PetitionDedup
import PetitionModel
import PetitionText

/// The resident index of the intake check: a few ``IntakeChecker``s built
/// ahead of time, each holding the word statistics and match weights it read
/// when built and an ICU segmenter that only one thread may use at a time.
/// A check borrows one checker for its duration, so it reads nothing cold.
///
/// After a nightly run, ``install(_:runID:)`` replaces the whole set with
/// checkers built on the new statistics (a generation); checks in flight
/// finish on the old ones, which are then dropped.
public actor CheckerPool {
    /// One checker, lent to one request at a time.
    public final class Lease: @unchecked Sendable {
        // Unchecked: the pool lends a lease to one borrower at a time, so its checker is never shared.
        let checker: IntakeChecker
        let generation: Int

        init(checker: IntakeChecker, generation: Int) {
            self.checker = checker
            self.generation = generation
        }
    }

    /// A set of checkers built together, handed over to ``install(_:runID:)``.
    public struct Generation: @unchecked Sendable {
        // Unchecked: built on one thread and handed to the pool before anyone uses it.
        let checkers: [IntakeChecker]
    }

    private var idle: [Lease] = []
    private var waiting: [CheckedContinuation<Lease, Never>] = []
    private var generation = 0
    /// The run whose statistics the checkers hold; nil before any run finished.
    public private(set) var runID: Int64?
    public private(set) var installed = false

    public init() {}

    /// Builds `count` checkers over the store as it is now: this reads the
    /// statistics and weights, and is the only place that does. Blocking: call it on a worker thread.
    public nonisolated static func build(count: Int, store: any PetitionStorage,
                                         rules: AcceptanceRules?) throws -> Generation {
        Generation(checkers: try (0..<max(1, count)).map { _ in
            let checker = try IntakeChecker(store: store)
            if let rules { checker.acceptanceRules = rules }
            // One check first, so that what a checker builds on first use (the segmenter's
            // dictionaries, the analyzer's tables) is built here and not in a clerk's request.
            _ = try? checker.check(warmUp)
            return checker
        })
    }

    private static let warmUp = Petition(
        id: "预热", receivedAt: CalendarDate(parsing: "2020-01-01")!, channel: "来信", level: "县级",
        petitioners: [Petitioner(name: "张某某")], title: "反映某小区房产证办理问题",
        content: "信访人张某某反映，其于2015年3月购买某小区5号楼2单元301室，开发商至今未办理房产证，要求尽快办理。")

    /// Puts a new generation in service; checkers lent out from older ones are dropped when given back.
    public func install(_ built: Generation, runID: Int64?) {
        generation += 1
        idle = built.checkers.map { Lease(checker: $0, generation: generation) }
        self.runID = runID
        installed = true
        while !waiting.isEmpty, let lease = idle.popLast() {
            waiting.removeFirst().resume(returning: lease)
        }
    }

    /// A checker of the current generation; waits while all are lent out.
    public func borrow() async -> Lease {
        if let lease = idle.popLast() { return lease }
        return await withCheckedContinuation { waiting.append($0) }
    }

    public func giveBack(_ lease: Lease) {
        guard lease.generation == generation else { return }
        if !waiting.isEmpty {
            waiting.removeFirst().resume(returning: lease)
        } else {
            idle.append(lease)
        }
    }

    public var idleCount: Int { idle.count }
}

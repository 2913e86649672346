import Foundation
import PetitionModel
import Synchronization

/// How many different ID numbers and phones each operator may submit to checks
/// in a day. A check answers whether a stored petitioner has the identifiers
/// it names, so a check is an oracle for a masked digit: 138****8005 hides
/// 10,000 candidates, each one a guess. An intake clerk registers a few dozen
/// petitions a day; a budget of distinct identifiers lets every real petition
/// through (the same petition checked again costs nothing) and turns a
/// guessing run into weeks of requests, each one in the audit trail.
final class IdentifierBudget: Sendable {
    /// Distinct identifiers per operator per rolling day.
    let limit: Int
    let window: TimeInterval

    private let seen = Mutex<[String: [Int: Date]]>([:])

    init(limit: Int, window: TimeInterval = 24 * 3600) {
        self.limit = limit
        self.window = window
    }

    /// Counts the petition's identifiers against the operator's budget, or
    /// refuses the whole check when the new ones would exceed it.
    func spend(_ petition: Petition, by operatorName: String, at now: Date = Date()) throws(ServiceError) {
        // Hashes, not the identifiers: the budget need not hold what it protects.
        let identifiers = Set(petition.petitioners.flatMap { [$0.canonicalIDNumber, $0.canonicalPhone] }
            .compactMap { $0 }.map(\.hashValue))
        guard !identifiers.isEmpty else { return }
        let refused = seen.withLock { seen -> Bool in
            var mine = seen[operatorName, default: [:]].filter { now.timeIntervalSince($0.value) < window }
            let new = identifiers.filter { mine[$0] == nil }
            if mine.count + new.count > limit {
                seen[operatorName] = mine
                return true
            }
            for identifier in new { mine[identifier] = now }
            seen[operatorName] = mine
            return false
        }
        if refused { throw .identifierBudgetSpent(limit: limit) }
    }
}

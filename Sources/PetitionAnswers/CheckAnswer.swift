import Foundation
import PetitionDedup
import PetitionText

/// DOMAIN.md's answer to an intake check (`check --json`, `POST /v1/check`),
/// encoded by `JSONEncoder`. It was a dictionary written by
/// `JSONSerialization`, which took as much CPU as the check itself (every
/// match carries its evidence, and every dictionary's keys were sorted by a
/// locale-aware comparison); a typed answer writes in a fraction of that.
/// Missing values are written as `null`, never left out: a client reads one shape.
public struct CheckAnswer: Encodable, Sendable {
    let result: CheckResult

    public init(_ result: CheckResult) {
        self.result = result
    }

    enum Keys: String, CodingKey {
        case verdict, matterID = "matter_id", classID = "class_id", backlogCase = "backlog_case", escalation, collective,
             acceptance, matches
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(result.verdict.rawValue, forKey: .verdict)
        try container.encode(result.matterID, forKey: .matterID)
        try container.encode(result.classID, forKey: .classID)
        try container.encode(result.backlogCase.map(Backlog.init), forKey: .backlogCase)
        try container.encode(result.escalation.map(Escalation.init), forKey: .escalation)
        try container.encode(result.collective, forKey: .collective)
        try container.encode(result.acceptance.map(Acceptance.init), forKey: .acceptance)
        try container.encode(result.matches.map(Match.init), forKey: .matches)
    }

    /// The answer as a line of JSON, keys sorted as the other answers' are.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    struct Backlog: Encodable {
        let summary: BacklogSummary
        enum Keys: String, CodingKey { case caseID = "case_id", title, leader, responsibleUnits = "responsible_units", status }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(summary.caseID, forKey: .caseID)
            // A check reveals nothing: a case's fields are typed by clerks and may hold a phone.
            try container.encode(PrivacyMask.text(summary.title), forKey: .title)
            try container.encode(summary.leader.map(PrivacyMask.text), forKey: .leader)
            try container.encode(summary.responsibleUnits.map(PrivacyMask.text), forKey: .responsibleUnits)
            try container.encode(summary.status.map(PrivacyMask.text), forKey: .status)
        }
    }

    struct Escalation: Encodable {
        let summary: EscalationSummary
        enum Keys: String, CodingKey { case fromLevel = "from_level", toLevel = "to_level", earlierID = "earlier_id", skippedLevels = "skipped_levels" }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(summary.fromLevel, forKey: .fromLevel)
            try container.encode(summary.toLevel, forKey: .toLevel)
            try container.encode(summary.earlierID, forKey: .earlierID)
            try container.encode(summary.skippedLevels, forKey: .skippedLevels)
        }
    }

    struct Acceptance: Encodable {
        let advice: AcceptanceAdvice
        enum Keys: String, CodingKey {
            case advice, rule, reason, handlingOrgan = "handling_organ", dueAt = "due_at", overdue, note, stage
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(advice.advice.rawValue, forKey: .advice)
            try container.encode(advice.rule, forKey: .rule)
            try container.encode(PrivacyMask.text(advice.reason), forKey: .reason)
            try container.encode(advice.handlingOrgan.map(PrivacyMask.text), forKey: .handlingOrgan)
            try container.encode(advice.dueAt?.description, forKey: .dueAt)
            try container.encode(advice.overdue, forKey: .overdue)
            try container.encode(advice.note, forKey: .note)
            try container.encode(advice.stage?.stage.rawValue, forKey: .stage)
        }
    }

    struct Match: Encodable {
        let match: CheckMatch
        enum Keys: String, CodingKey { case id, relation, score, reasons, matterID = "matter_id", evidence }
        struct Evidence: Encodable {
            let comparison: String
            let reason: String
            let weight: Double
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(match.id, forKey: .id)
            try container.encode(match.relation.rawValue, forKey: .relation)
            try container.encode((match.score * 1000).rounded() / 1000, forKey: .score)
            try container.encode(match.reasons, forKey: .reasons)
            try container.encode(match.matterID, forKey: .matterID)
            try container.encode(match.evidence.map {
                Evidence(comparison: $0.comparison.key, reason: $0.reason, weight: ($0.weight * 100).rounded() / 100)
            }, forKey: .evidence)
        }
    }
}

import Foundation
import PetitionDedup
import PetitionModel
import PetitionText

/// The answers of both doors: the command line's `--json` (`check`, `show`,
/// `search`, `import`, `dedup`, `audit`) and the service's JSON are written
/// here and nowhere else, so that a script moves from one to the other
/// unchanged and a mask applied to one is applied to the other.
public enum AnswerJSON {
    public static func null(_ value: (any Sendable)?) -> Any {
        value ?? NSNull()
    }

    /// `check --json`.
    public static func check(_ result: CheckResult) -> CheckAnswer {
        CheckAnswer(result)
    }

    public static func acceptance(_ advice: AcceptanceAdvice) -> [String: Any] {
        [
            "advice": advice.advice.rawValue, "rule": advice.rule, "reason": advice.reason,
            "handling_organ": null(advice.handlingOrgan.map(PrivacyMask.text)), "due_at": null(advice.dueAt?.description),
            "overdue": advice.overdue, "note": null(advice.note), "stage": null(advice.stage?.stage.rawValue),
        ]
    }

    /// One line of `search --json`, which carries the total it is one of.
    public static func searchHit(_ hit: SearchHit, total: Int, privacy: PrivacyFilter) -> [String: Any] {
        [
            "id": hit.id, "received_at": hit.receivedAt, "channel": null(hit.channel),
            "level": null(hit.level), "region": hit.region, "category": null(hit.category),
            "title": privacy.text(plain(hit.title)), "snippet": privacy.text(marked(hit.snippet)),
            "score": -hit.rank, "total": total,
        ]
    }

    /// `show ID --json` of a petition: the record, its backlog case when its matter has one, its matter.
    public static func petitionFile(_ file: CaseFile, privacy: PrivacyFilter) -> [String: Any] {
        let file = privacy.reveal ? file : file.masked
        var object: [String: Any] = [:]
        if let petition = file.petition {
            object["petition"] = [
                "id": petition.id, "received_at": petition.receivedAt.description, "level": null(petition.level),
                "channel": null(petition.channel), "province": null(petition.province), "city": null(petition.city),
                "county": null(petition.county), "category": null(petition.category),
                "title": null(petition.title.map(privacy.text)),
                "content": privacy.text(petition.content), "headcount": null(petition.headcount),
                "handling": petition.handling.map { $0.jsonObject as Any } ?? NSNull(),
                "petitioners": petition.petitioners.map {
                    ["name": null($0.name), "id_number": null(privacy.identifier($0.idNumber)),
                     "phone": null(privacy.identifier($0.phone))]
                },
            ]
        }
        if let backlog = file.backlogCase { object["backlog_case"] = backlogCase(backlog, privacy: privacy) }
        object["matters"] = file.matters.map { matter(matterID: $0.matterID, classID: $0.classID,
                                                      members: $0.petitions, escalations: $0.escalations,
                                                      privacy: privacy) }
        return object
    }

    /// `show ID --json` of a backlog case: the case and the matters linked to it.
    public static func backlogFile(_ backlog: BacklogCase, matters: [[String: Any]], privacy: PrivacyFilter) -> [String: Any] {
        ["backlog_case": backlogCase(backlog, privacy: privacy), "matters": matters]
    }

    public static func backlogCase(_ backlog: BacklogCase, privacy: PrivacyFilter) -> [String: Any] {
        let backlog = privacy.reveal ? backlog : backlog.masked
        return ["case_id": backlog.caseID, "title": backlog.title, "leader": null(backlog.leader),
         "responsible_units": backlog.responsibleUnits, "status": null(backlog.status)]
    }

    /// One matter as `show --json` lists it under `matters`.
    public static func matter(matterID: String, classID: String?, members: [MatterMember],
                       escalations: [(id: String, from: String, to: String)], privacy: PrivacyFilter) -> [String: Any] {
        ["matter_id": matterID, "class_id": null(classID),
         "petitions": members.map { ["id": $0.id, "received_at": $0.receivedAt, "level": null($0.level),
                                     "channel": null($0.channel), "title": null($0.title.map(privacy.text))] },
         "escalations": escalations.map { ["id": $0.id, "from_level": $0.from, "to_level": $0.to] }]
    }

    /// `import --json`.
    public static func importSummary(_ summary: ImportSummary) -> [String: Any] {
        [
            "added": summary.added, "updated": summary.updated, "unchanged": summary.unchanged,
            "rejected": summary.rejected.map(recordNotice),
            "warnings": summary.warnings.map(recordNotice),
        ]
    }

    /// A rejection or a warning of an import, located by file, line, record and field.
    public static func recordNotice(_ error: RecordError) -> [String: Any] {
        ["file": null(error.file), "line": null(error.line), "id": null(error.recordID),
         "field": null(error.field), "message": error.message]
    }

    /// `dedup --json`.
    public static func dedupSummary(_ summary: DedupSummary) -> [String: Any] {
        [
            "run_id": summary.runID, "full": summary.full, "scored": summary.scored,
            "new_matters": summary.newMatters, "repeats": summary.repeats, "matters": summary.matters,
            "classes": summary.classes, "backlog_links": summary.backlogLinks,
            "escalations": summary.escalations, "seconds": summary.seconds, "weights": summary.weights.source,
            "phase_seconds": Dictionary(uniqueKeysWithValues: summary.phases.map { ($0.name, $0.seconds) }),
        ]
    }

    /// One line of `audit --json`.
    public static func auditEntry(_ entry: AuditEntry) -> [String: Any] {
        ["at": entry.at, "operator": entry.operatorName, "command": entry.command,
         "subject": null(entry.subject.map(PrivacyMask.text)), "returned": entry.returned,
         "revealed": entry.revealed, "reason": null(entry.reason)]
    }

    /// A highlighted text without its marks.
    public static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: SearchHit.highlightStart, with: "")
            .replacingOccurrences(of: SearchHit.highlightEnd, with: "")
    }

    /// A highlighted text on one line, its marks written as `start` and `end` (【】 in JSON, colour on a terminal).
    public static func marked(_ text: String, start: String = "【", end: String = "】") -> String {
        text.replacingOccurrences(of: SearchHit.highlightStart, with: start)
            .replacingOccurrences(of: SearchHit.highlightEnd, with: end)
            .replacingOccurrences(of: "\n", with: " ")
    }
}

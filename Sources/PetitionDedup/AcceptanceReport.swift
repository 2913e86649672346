import Foundation
import PetitionModel
import PetitionText

/// The nightly report's acceptance tables: per region, the repeats the rules
/// would decline (不予受理, 不再受理) had they been checked at intake; the
/// matters overdue against their handling organ; and the matters whose 复核
/// has concluded yet keep drawing petitions.
///
/// Each repeat is advised as an intake check would have advised it, on its own
/// date and at the probability the nightly job gave its match: below the
/// rules' decision level a decline is advised `verify` and counted as such.
/// The report does not see the petitioners (the matters are read without
/// them), so it holds the probability to the level and takes the identity as
/// agreeing, which a decline the check would give also needs: it may count as
/// declinable a repeat whose check would say verify, never the other way. The overdue and concluded tables look at the matters as they stand on
/// the latest day the data knows (a petition received or a handling event),
/// not on the clock, so that a report rebuilt from the same data reads the same.
struct AcceptanceReport {
    let store: any PetitionStorage
    let rules: AcceptanceRules

    static let jsonKeys: [String: [String]] = [
        "declinable_by_region": ["province", "city", "repeats", "decline_in_progress", "decline_concluded", "verify"],
        "overdue_matters": ["matter_id", "step", "organ", "level", "started_at", "due_at", "days_overdue", "region"],
        "concluded_still_petitioned": ["matter_id", "recheck_organ", "recheck_replied_at", "petitions_after",
                                       "last_received_at", "region"],
    ]

    private struct RegionCount {
        var repeats = 0
        var declinedInProgress = 0
        var declinedConcluded = 0
        var verify = 0
    }

    /// What an intake check would have advised a repeat on its own date, at
    /// the probability its match was given (none stored: not sure).
    static func advice(for petition: Petition, in history: MatterHistory, advisor: AcceptanceAdvisor) -> AcceptanceAdvice.Advice {
        let certainty = MatchCertainty(probability: history.scores[petition.id] ?? 0, identityAgrees: true)
        return advisor.advise(petition, matter: history.petitions, certainty: certainty).advice
    }

    func sections() throws -> [DedupReport.Section] {
        let advisor = AcceptanceAdvisor(rules: rules)
        var regions: [[String]: RegionCount] = [:]
        var overdue: [(days: Int, row: [String])] = []
        var concluded: [(count: Int, row: [String])] = []
        let asOf = try store.latestDay()
        guard let asOf else { return sections(regions: [], overdue: [], concluded: [], asOf: nil) }

        func finish(_ history: MatterHistory) {
            let (matter, petitions) = (history.matterID, history.petitions)
            for petition in petitions where history.repeats.contains(petition.id) {
                let key = [petition.province ?? "", petition.city ?? ""]
                regions[key, default: RegionCount()].repeats += 1
                switch Self.advice(for: petition, in: history, advisor: advisor) {
                case .declineInProgress: regions[key]!.declinedInProgress += 1
                case .declineConcluded: regions[key]!.declinedConcluded += 1
                case .verify: regions[key]!.verify += 1
                case .accept: break
                }
            }
            guard let stage = MatterStage.derive(from: petitions, asOf: asOf, limits: rules.limits) else { return }
            let region = petitions.first.map { [$0.province, $0.city, $0.county].compactMap { $0 }.joined() } ?? ""
            if stage.overdue, let due = stage.dueAt {
                let days = asOf.dayNumber - due.dayNumber
                overdue.append((days, [matter, stage.step.chineseName, stage.organ ?? "", stage.level ?? "",
                                       stage.startedAt?.description ?? "", due.description, String(days), region]))
            }
            if stage.stage == .concluded, let replied = stage.repliedAt {
                let after = petitions.filter { $0.receivedAt > replied }
                if let last = after.last {
                    concluded.append((after.count, [matter, stage.organ ?? "", replied.description, String(after.count),
                                                    last.receivedAt.description, region]))
                }
            }
        }

        try store.forEachMatterHistory(finish)

        let regionRows = regions.filter { $0.value.declinedInProgress + $0.value.declinedConcluded + $0.value.verify > 0 }
            .sorted { a, b in
                let declinedA = a.value.declinedInProgress + a.value.declinedConcluded
                let declinedB = b.value.declinedInProgress + b.value.declinedConcluded
                return declinedA != declinedB ? declinedA > declinedB : a.key.lexicographicallyPrecedes(b.key)
            }
            .map { $0.key + [String($0.value.repeats), String($0.value.declinedInProgress), String($0.value.declinedConcluded),
                              String($0.value.verify)] }
        return sections(
            regions: regionRows,
            overdue: overdue.sorted { $0.days != $1.days ? $0.days > $1.days : $0.row[0] < $1.row[0] }.map(\.row),
            concluded: concluded.sorted { $0.count != $1.count ? $0.count > $1.count : $0.row[0] < $1.row[0] }.map(\.row),
            asOf: asOf)
    }

    private func sections(regions: [[String]], overdue: [[String]], concluded: [[String]],
                          asOf: CalendarDate?) -> [DedupReport.Section] {
        let day = asOf.map { "截至 \($0)，" } ?? ""
        return [
            DedupReport.Section(
                name: "declinable_by_region",
                title: "按地区：依受理规则可不予受理、不再受理的重复信访，及把握不足、须人工核对的",
                header: ["省", "市", "重复件", "不予受理", "不再受理", "须核对"], rows: regions),
            DedupReport.Section(
                name: "overdue_matters", title: "超期未办结的事项（\(day)按办理机关）",
                header: ["事项", "程序", "办理机关", "层级", "起始", "应答复", "超期天数", "地区"], rows: overdue),
            DedupReport.Section(
                name: "concluded_still_petitioned", title: "复核终结后仍有信访的事项",
                header: ["事项", "复核机关", "复核答复", "此后信访件", "最近一件", "地区"], rows: concluded),
        ]
    }
}

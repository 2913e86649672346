import PetitionDedup
import PetitionModel
import PetitionText

/// Counts the dashboard's figures in one pass over the matters.
///
/// - The day is the latest day the data knows (`latestDay()`), so that the
///   figures of an archive read as they stood, and the same data always
///   gives the same page. 本周 runs from that day's Monday, 本月 from the 1st.
/// - A matter is **open** (在办) while its procedure has not ended on the
///   day (``MatterStage``): in handling, review or recheck; or answered with
///   the time to ask for the next step not yet run out. A matter with no
///   handling recorded counts as open for the ordinary handling limit after
///   its last petition, the time an organ has to answer it. An open matter
///   counts in the region of its latest petition.
/// - A repeat this month is also counted **to verify** (须核对) when its match's
///   probability is below the rules' decision level: the check advised
///   `verify`, and no decline stands on it until a clerk confirms it.
/// - Repeats, escalations (a petition to a higher level than its matter had
///   reached, as the nightly job finds them) and collective petitions count in
///   the region of each petition.
/// - A backlog case's **new repeats** are the repeat petitions of its matters
///   stored after the run before the last one started: what the last run was
///   the first to see, and what clerks saved since. Before a second run every
///   repeat is new. A case whose status says it was resolved that draws new
///   repeats is flagged for review (滚动式审核).
public struct DashboardBuilder {
    let store: any PetitionStorage
    let rules: AcceptanceRules
    let placeNamer: ClassPlaceNamer

    /// Weeks in the trend chart: half a year.
    public static let trendWeeks = 26
    /// Statuses that say a backlog case was settled: 已化解 (resolved) and
    /// 停访息诉 (the petitioners stopped). New repeats reopen the question.
    public static let resolvedStatuses: Set<String> = ["已化解", "停访息诉", "已办结"]

    /// `placeNamer`: the report's, when the page is written beside it, so that each class is named once.
    public init(store: any PetitionStorage, rules: AcceptanceRules, placeNamer: ClassPlaceNamer? = nil) {
        self.store = store
        self.rules = rules
        self.placeNamer = placeNamer ?? ClassPlaceNamer(store: store)
    }

    public func build() throws -> DashboardFigures {
        var figures = DashboardFigures()
        let runs = try store.finishedRuns(limit: 2)
        figures.runID = runs.first?.runID
        figures.runFinishedAt = runs.first?.finishedAt
        guard let asOf = try store.latestDay() else { return figures }
        figures.asOf = asOf.description
        let newSince = runs.count == 2 ? runs[1].startedAt : nil

        let calendar = DashboardCalendar(asOf: asOf, weeks: Self.trendWeeks)
        let root = RegionTally(name: figures.root.name, level: .all, weeks: calendar.weekStarts)
        var cases: [String: BacklogProgress] = [:]
        let records = try store.backlogCases()
        // The page reveals to no one: a case's fields are typed by clerks and may hold a phone.
        for record in records.map(\.masked) {
            var progress = BacklogProgress(caseID: record.caseID, title: record.title, leader: record.leader,
                                           responsibleUnits: record.responsibleUnits, status: record.status)
            progress.province = record.province
            progress.city = record.city
            progress.county = record.county
            progress.openedAt = record.openedAt?.description
            progress.daysOpen = record.openedAt.map { asOf.dayNumber - $0.dayNumber }
            cases[record.caseID] = progress
        }
        var classes: [String: ClassCaseSummary] = [:]
        var classCaseVotes: [String: [String: Int]] = [:]
        let classCases = try store.classCases()

        try store.forEachMatterHistory { history in
            guard let last = history.petitions.last else { return }
            let open = isOpen(history.petitions, last: last, asOf: asOf)
            if open { root.path(of: last).forEach { $0.counts.openMatters += 1 } }
            var highest: Int?
            for petition in history.petitions {
                let rank = petition.levelRank
                let escalated = rank.map { rank in highest.map { rank > $0 } ?? false } ?? false
                if let rank, rank > (highest ?? -1) { highest = rank }
                guard petition.receivedAt <= asOf else { continue }
                let isRepeat = history.repeats.contains(petition.id)
                let week = calendar.week(of: petition.receivedAt)
                let thisMonth = petition.receivedAt >= calendar.monthStart
                let thisWeek = petition.receivedAt >= calendar.weekStart
                guard week != nil || thisMonth else { continue }
                for tally in root.path(of: petition) {
                    if let week {
                        if isRepeat { tally.repeatsByWeek[week] += 1 } else { tally.newByWeek[week] += 1 }
                    }
                    guard thisMonth else { continue }
                    tally.counts.petitionsThisMonth += 1
                    if isRepeat { tally.counts.repeatsThisMonth += 1 }
                    if isRepeat && (history.scores[petition.id] ?? 0) < rules.decisionLevel { tally.counts.verifyThisMonth += 1 }
                    if isRepeat && thisWeek { tally.counts.repeatsThisWeek += 1 }
                    if escalated { tally.counts.escalationsThisMonth += 1 }
                    if petition.isCollective { tally.counts.collectiveThisMonth += 1 }
                }
            }
            if let caseID = history.backlogCaseID, cases[caseID] != nil {
                cases[caseID]!.matters += 1
                cases[caseID]!.petitions += history.petitions.count
                cases[caseID]!.newRepeats += history.petitions.filter { petition in
                    history.repeats.contains(petition.id)
                        && newSince.map { since in (history.storedAt[petition.id] ?? "") >= since } ?? true
                }.count
            }
            if let classID = history.classID, let record = classCases[classID] {
                let first = history.petitions[0]
                var summary = classes[classID] ?? {
                    var summary = ClassCaseSummary(classID: classID, place: record.place, concept: record.concept)
                    summary.province = first.province
                    summary.city = first.city
                    summary.county = first.county
                    return summary
                }()
                summary.matters += 1
                summary.petitions += history.petitions.count
                if open { summary.openMatters += 1 }
                classes[classID] = summary
                if let caseID = history.backlogCaseID { classCaseVotes[classID, default: [:]][caseID, default: 0] += 1 }
            }
        }

        figures.root = root.figures()
        figures.backlog = cases.values.map { progress in
            var progress = progress
            progress.needsReview = progress.newRepeats > 0 && progress.status.map(Self.resolvedStatuses.contains) == true
            return progress
        }.sorted { a, b in
            if a.needsReview != b.needsReview { return a.needsReview }
            if a.newRepeats != b.newRepeats { return a.newRepeats > b.newRepeats }
            if a.daysOpen != b.daysOpen { return (a.daysOpen ?? -1) > (b.daysOpen ?? -1) }
            return a.caseID < b.caseID
        }
        figures.classes = try classes.values.map { summary in
            var summary = summary
            summary.place = try placeNamer.name(ofClass: summary.classID, key: summary.place)
            summary.backlogCaseID = classCaseVotes[summary.classID]?.max { a, b in
                a.value != b.value ? a.value < b.value : a.key > b.key
            }?.key
            return summary
        }.sorted { a, b in a.matters != b.matters ? a.matters > b.matters : a.classID < b.classID }
        return figures
    }

    /// Whether a matter's procedure is still going on `day` (see the type's notes).
    func isOpen(_ petitions: [Petition], last: Petition, asOf day: CalendarDate) -> Bool {
        if let stage = MatterStage.derive(from: petitions, asOf: day, limits: rules.limits) {
            return stage.isInProgress || stage.isWindowOpen
        }
        return day.dayNumber - last.receivedAt.dayNumber <= rules.limits.handlingDays
    }
}

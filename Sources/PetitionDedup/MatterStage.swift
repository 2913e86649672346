import PetitionModel
import PetitionText

/// Where a matter stood on a given day, derived from the handling histories of
/// its petitions: in handling (due by when), answered (until when the next step
/// may be asked for), under review, under recheck, or concluded.
///
/// A matter can carry several histories (a petition accepted again after an
/// earlier one was answered); the one with the latest event on or before the
/// day tells where the matter stands, since that is what its organs did last.
/// Events after the day are ignored, so an intake check dated in the past sees
/// the matter as it stood then, and the same check gives the same answer later.
public struct MatterStage: Sendable, Equatable {
    /// The procedure an organ is taking, or took last.
    public enum Step: String, Sendable {
        case handling, review, recheck

        /// 办理, 复查, 复核.
        public var chineseName: String {
            switch self {
            case .handling: "办理"
            case .review: "复查"
            case .recheck: "复核"
            }
        }
    }

    public var stage: Handling.Stage
    public var step: Step
    /// The organ taking the step (for `answered` and `concluded`, the one that replied) and its level.
    public var organ: String?
    public var level: String?
    /// The petition whose history this is.
    public var petitionID: String
    /// While a step runs: when it began (accepted or requested).
    public var startedAt: CalendarDate?
    /// While a step runs: the day the answer is due. For handling, the end of
    /// the ordinary limit until it passes, then the end of the extension: the
    /// record does not say whether an extension was granted, so an organ is
    /// overdue only once no extension could cover it.
    public var dueAt: CalendarDate?
    public var overdue: Bool
    /// Answered or concluded: the day of the written reply.
    public var repliedAt: CalendarDate?
    /// Answered: the last day to ask for the next step, and which step that is.
    public var windowEndsAt: CalendarDate?
    public var nextStep: Step?
    /// The day this stage was derived for.
    public var asOf: CalendarDate

    public var isInProgress: Bool { AcceptanceFacts.stagesInProgress.contains(stage) }
    public var isWithinLimit: Bool { isInProgress && !overdue }
    public var isWindowOpen: Bool { stage == .answered && windowEndsAt.map { asOf <= $0 } ?? false }
    /// Rank of `level`, 县级 0 to 国家级 3.
    public var levelRank: Int? { level.flatMap { Petition.levels.firstIndex(of: $0) } }

    /// The stage of the matter made of `petitions` on `date`; nil when none of
    /// them had a handling event by then.
    public static func derive(from petitions: [Petition], asOf date: CalendarDate,
                              limits: AcceptanceRules.Limits) -> MatterStage? {
        var latest: (petition: Petition, handling: Handling, stage: Handling.Stage, last: CalendarDate)?
        for petition in petitions {
            guard let handling = petition.handling, let stage = handling.stage(asOf: date),
                  let last = handling.lastEvent(asOf: date) else { continue }
            if let current = latest,
               (current.last, current.stage, current.petition.id) >= (last, stage, petition.id) { continue }
            latest = (petition, handling, stage, last)
        }
        guard let latest else { return nil }
        return MatterStage(handling: latest.handling, stage: latest.stage, petitionID: latest.petition.id,
                           asOf: date, limits: limits)
    }

    /// The details of `stage`, which `handling` reached on `date`.
    init(handling: Handling, stage: Handling.Stage, petitionID: String, asOf date: CalendarDate,
         limits: AcceptanceRules.Limits) {
        self.stage = stage
        self.petitionID = petitionID
        self.asOf = date
        overdue = false
        let review = handling.review ?? Handling.Request(), recheck = handling.recheck ?? Handling.Request()
        switch stage {
        case .inHandling:
            step = .handling
            (organ, level, startedAt) = (handling.organ, handling.level, handling.acceptedAt)
            let ordinary = handling.acceptedAt.map { $0.adding(days: limits.handlingDays) }
            let extended = ordinary.map { $0.adding(days: limits.extensionDays) }
            dueAt = ordinary.map { date <= $0 ? $0 : extended! }
            overdue = extended.map { date > $0 } ?? false
        case .underReview:
            step = .review
            (organ, level, startedAt) = (review.organ, review.level, review.requestedAt)
            dueAt = review.requestedAt.map { $0.adding(days: limits.reviewAnswerDays) }
            overdue = dueAt.map { date > $0 } ?? false
        case .underRecheck:
            step = .recheck
            (organ, level, startedAt) = (recheck.organ, recheck.level, recheck.requestedAt)
            dueAt = recheck.requestedAt.map { $0.adding(days: limits.recheckAnswerDays) }
            overdue = dueAt.map { date > $0 } ?? false
        case .answered:
            // Answered by the review when one was asked, else by the handling organ.
            if review.hasStarted(by: date) {
                step = .review
                (organ, level, repliedAt) = (review.organ, review.level, review.repliedAt)
                nextStep = .recheck
                windowEndsAt = review.repliedAt?.adding(days: limits.recheckRequestDays)
            } else {
                step = .handling
                (organ, level, repliedAt) = (handling.organ, handling.level, handling.repliedAt)
                nextStep = .review
                windowEndsAt = handling.repliedAt?.adding(days: limits.reviewRequestDays)
            }
        case .concluded:
            step = .recheck
            (organ, level, repliedAt) = (recheck.organ, recheck.level, recheck.repliedAt)
        }
    }
}

extension CalendarDate {
    /// The day `days` after this one.
    func adding(days: Int) -> CalendarDate {
        let date = CalendarDate(dayNumber: dayNumber + days)
        // CalendarDate holds 1900–2200; a due date beyond that is as good as never.
        if date.year > 2200 { return CalendarDate(year: 2200, month: 12, day: 31)! }
        if date.year < 1900 { return CalendarDate(year: 1900, month: 1, day: 1)! }
        return date
    }
}

import PetitionModel

/// What the acceptance rules may ask about a new petition and the matter it
/// repeats, each fact a word of the rule file's condition vocabulary.
///
/// The facts hang together (no stage without a matter, no time limit without a
/// step in progress), and there are few of them, so every consistent
/// combination can be listed (``all``): that is how a rule file is checked for
/// conditions that cannot hold, for rules that contradict each other and for
/// cases no rule covers, exactly rather than by example.
public struct AcceptanceFacts: Sendable, Hashable, CustomStringConvertible {
    /// `same_matter`.
    public var sameMatter: Bool
    /// `stage=…`; nil is `none`.
    public var stage: Handling.Stage?
    /// `within_limit`: a step in progress, not past its limit.
    public var withinLimit: Bool
    /// `overdue`: a step in progress, past its limit.
    public var overdue: Bool
    /// `window_open`: answered, and the next step may still be asked for.
    public var windowOpen: Bool
    /// `level_above_handling`.
    public var levelAboveHandling: Bool
    /// `visit`: filed in person (来访).
    public var visit: Bool
    /// `more_than_representatives`: more people than may come as representatives.
    public var moreThanRepresentatives: Bool

    public init(sameMatter: Bool, stage: Handling.Stage?, withinLimit: Bool, overdue: Bool, windowOpen: Bool,
                levelAboveHandling: Bool, visit: Bool, moreThanRepresentatives: Bool) {
        self.sameMatter = sameMatter
        self.stage = stage
        self.withinLimit = withinLimit
        self.overdue = overdue
        self.windowOpen = windowOpen
        self.levelAboveHandling = levelAboveHandling
        self.visit = visit
        self.moreThanRepresentatives = moreThanRepresentatives
    }

    /// The stages in which a step is running against a time limit.
    public static let stagesInProgress: Set<Handling.Stage> = [.inHandling, .underReview, .underRecheck]

    /// Every combination of facts that can occur.
    public static let all: [AcceptanceFacts] = {
        var result: [AcceptanceFacts] = []
        let matterStates: [(sameMatter: Bool, stage: Handling.Stage?)] =
            [(false, nil), (true, nil)] + Handling.Stage.allCases.map { (true, $0) }
        for (sameMatter, stage) in matterStates {
            // Time against a limit while a step runs; the window to ask for the next step once answered.
            let timings: [(within: Bool, overdue: Bool, window: Bool)] = switch stage {
            case let stage? where stagesInProgress.contains(stage): [(true, false, false), (false, true, false)]
            case .answered?: [(false, false, true), (false, false, false)]
            default: [(false, false, false)]
            }
            // Above whom? Only a matter with a history has a handling organ.
            let levels = stage == nil ? [false] : [false, true]
            for timing in timings {
                for above in levels {
                    for visit in [false, true] {
                        for more in [false, true] {
                            result.append(AcceptanceFacts(
                                sameMatter: sameMatter, stage: stage, withinLimit: timing.within, overdue: timing.overdue,
                                windowOpen: timing.window, levelAboveHandling: above, visit: visit,
                                moreThanRepresentatives: more))
                        }
                    }
                }
            }
        }
        return result
    }()

    /// The facts in the rule file's words, as an error message shows a case.
    public var description: String {
        var terms = [(sameMatter ? "" : "!") + "same_matter", "stage=" + (stage?.rawValue ?? "none")]
        if let stage, Self.stagesInProgress.contains(stage) { terms.append(withinLimit ? "within_limit" : "overdue") }
        if stage == .answered { terms.append((windowOpen ? "" : "!") + "window_open") }
        if stage != nil { terms.append((levelAboveHandling ? "" : "!") + "level_above_handling") }
        terms.append((visit ? "" : "!") + "visit")
        terms.append((moreThanRepresentatives ? "" : "!") + "more_than_representatives")
        return terms.joined(separator: " & ")
    }
}

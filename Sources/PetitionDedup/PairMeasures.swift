/// How a grouping of petitions into matters and classes agrees with judged
/// pairs, in the measures of the judged pairs' README: repeat recall, join
/// precision, shared issues kept together, and look-alikes kept out of one class.
public struct PairMeasures: Sendable, Codable, Equatable {
    /// `same_matter` pairs, and of those the ones put in one matter.
    public var repeats = 0
    public var repeatsJoined = 0
    /// Judged pairs put in one matter, and of those the ones judged `same_matter` or `shared_issue`.
    public var joined = 0
    public var joinedCorrectly = 0
    /// `shared_issue` pairs, and of those the ones in one matter or one class.
    public var sharedIssues = 0
    public var sharedIssuesGrouped = 0
    /// `class` pairs, the ones in one class, and the ones wrongly put in one matter.
    public var classPairs = 0
    public var classPairsInClass = 0
    public var classPairsJoined = 0
    /// `different` pairs, and the ones wrongly put in one class.
    public var differentPairs = 0
    public var differentPairsInClass = 0
    /// Pairs naming a petition the grouping does not hold.
    public var missing = 0
    /// Numbers of the pairs judged otherwise than grouped, for reading.
    public var missedRepeats: [Int] = []
    public var wrongJoins: [Int] = []

    public var repeatRecall: Double { ratio(repeatsJoined, repeats) }
    public var joinPrecision: Double { ratio(joinedCorrectly, joined) }
    public var sharedIssuesGroupedRate: Double { ratio(sharedIssuesGrouped, sharedIssues) }
    public var differentInClassRate: Double { ratio(differentPairsInClass, differentPairs) }

    private func ratio(_ part: Int, _ whole: Int) -> Double { whole == 0 ? 1 : Double(part) / Double(whole) }

    public init() {}

    /// Measures a grouping given as each petition's matter and class.
    public init(pairs: [JudgedPair], matterOf: [String: String], classOf: [String: String]) {
        for pair in pairs {
            guard let matterA = matterOf[pair.a], let matterB = matterOf[pair.b] else {
                missing += 1
                continue
            }
            let sameMatter = matterA == matterB
            let sameClass = classOf[pair.a].map { $0 == classOf[pair.b] } ?? false
            if sameMatter {
                joined += 1
                if pair.label == .sameMatter || pair.label == .sharedIssue {
                    joinedCorrectly += 1
                } else {
                    wrongJoins.append(pair.number)
                }
            }
            switch pair.label {
            case .sameMatter:
                repeats += 1
                if sameMatter { repeatsJoined += 1 } else { missedRepeats.append(pair.number) }
            case .sharedIssue:
                sharedIssues += 1
                if sameMatter || sameClass { sharedIssuesGrouped += 1 }
            case .sameClass:
                classPairs += 1
                if sameClass { classPairsInClass += 1 }
                if sameMatter { classPairsJoined += 1 }
            case .different:
                differentPairs += 1
                if sameClass && !sameMatter { differentPairsInClass += 1 }
            }
        }
    }
}

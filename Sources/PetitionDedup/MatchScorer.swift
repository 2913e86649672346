import Foundation
import PetitionText

/// A Fellegi–Sunter scorer: a pair becomes one level per ``Comparison`` (a
/// comparison vector), and each level adds its log-likelihood ratio from
/// ``MatchWeights``, positive when it is more likely between petitions of one
/// matter than between unrelated ones, negative when it speaks against.
/// Disagreement on a specific (a different estate, room, amount, case number,
/// ID number) counts against, which is what separates a repeat from a petition
/// about the same kind of problem elsewhere.
///
/// Two gates make it more than a sum: what the petitions are about (every
/// comparison but identity) must agree on its own, so that the same person
/// raising another problem is a new matter; and `same_class` is the same
/// place and problem in one region by someone else, written alike.
public struct MatchScorer: Sendable {
    public var weights: MatchWeights
    /// Turns the sum's parts into the probability a clerk reads.
    public var calibration: ScoreCalibration
    /// A petition naming more places of one kind than this lists them rather
    /// than names the one it is about: its places then only agree, never disagree.
    static let clearlyNamedLimit = 3
    /// Log-odds above which two petitions raise the same matter.
    public var matterThreshold = 0.0
    /// What the petitions are about must agree on its own: the same person
    /// raising a different problem is a new matter, however sure the identity.
    public var subjectThreshold = 0.0
    /// Members of a class case write alike about one place and problem.
    public var classTextMinimum: Float = 0.3

    public init(weights: MatchWeights = .handSet, calibration: ScoreCalibration = .bundled) {
        self.weights = weights
        self.calibration = calibration
    }

    /// Scores two profiles and explains the verdict (for the intake check).
    public func score(_ a: PetitionProfile, _ b: PetitionProfile, textSimilarity: Float) -> PairScore {
        score(MatchFeatures(a), MatchFeatures(b), textSimilarity: textSimilarity, explaining: (a, b))
    }

    /// What a pair's comparison vector says beyond the weights: the gates' inputs.
    ///
    /// The levels are packed a byte each into three words rather than held in
    /// an array: the nightly job compares millions of pairs, and an array per
    /// pair would be an allocation per pair.
    struct Findings {
        private var packed: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var identityAgrees = false
        var identityDisagrees = false
        var placeAgrees = false
        /// A place, room, case number, amount or area agrees (the calibration's ``CalibrationInputs/specificAgrees``).
        var specificAgrees = false
        var conceptAgrees = false
        var regionDisagrees = false

        subscript(_ comparison: Comparison) -> Int {
            get {
                let shift = UInt64(8 * (comparison.rawValue % 8))
                switch comparison.rawValue / 8 {
                case 0: return Int(packed.0 >> shift & 0xFF)
                case 1: return Int(packed.1 >> shift & 0xFF)
                default: return Int(packed.2 >> shift & 0xFF)
                }
            }
            set {
                let shift = UInt64(8 * (comparison.rawValue % 8)), mask = ~(UInt64(0xFF) << shift)
                let value = UInt64(UInt8(newValue)) << shift
                switch comparison.rawValue / 8 {
                case 0: packed.0 = packed.0 & mask | value
                case 1: packed.1 = packed.1 & mask | value
                default: packed.2 = packed.2 & mask | value
                }
            }
        }

        /// One level per comparison, in ``Comparison`` order (for estimation).
        var levels: [UInt8] { Comparison.allCases.map { UInt8(self[$0]) } }
    }

    /// The comparison vector of a pair (text excepted: it is continuous).
    func compare(_ a: MatchFeatures, _ b: MatchFeatures) -> Findings {
        var found = Findings()
        // A group keeps its matter when another representative files for it: both
        // petitions are then collective, and who signed says little.
        let group = a.filedByGroup && b.filedByGroup

        // Who.
        if !a.ids.isEmpty && !b.ids.isEmpty {
            if MatchFeatures.intersects(a.ids, b.ids) {
                found[.idNumber] = 1
            } else if a.ids.contains(where: { x in b.ids.contains { MatchFeatures.differByOneDigit(x, $0) } }) {
                found[.idNumber] = 2
            } else if !group {
                found[.idNumber] = 3
            }
        }
        if !a.phones.isEmpty && !b.phones.isEmpty {
            if MatchFeatures.intersects(a.phones, b.phones) {
                found[.phone] = 1
            } else if !group {
                found[.phone] = 2
            }
        }
        // An account id on both sides; a different one says nothing (one person
        // uses two accounts, and a group posts from many).
        if !a.accounts.isEmpty && !b.accounts.isEmpty && MatchFeatures.intersects(a.accounts, b.accounts) {
            found[.account] = 1
        }
        found.identityAgrees = found[.idNumber] == 1 || found[.idNumber] == 2 || found[.phone] == 1 || found[.account] == 1
        // Birth years from ID numbers and stated ages: more than two years apart
        // is someone else (ages are written loosely, so a year or two is forgiven).
        if !group, !found.identityAgrees, a.hasBirthYears, b.hasBirthYears, !a.birthYearsAgree(with: b, within: 2) {
            found[.birthYear] = 1
        }
        // Names are compared between the first-named petitioners only: a
        // co-signing neighbour listed second does not make two households one.
        if !found.identityAgrees {
            if a.primaryName != 0 && b.primaryName != 0 {
                if a.primaryName == b.primaryName {
                    found[.name] = 1
                } else if a.primaryNameSound != 0 && a.primaryNameSound == b.primaryNameSound {
                    found[.name] = 2
                } else if !group {
                    found[.name] = 3
                }
            } else if a.firstSurname != 0 && b.firstSurname != 0 {
                if a.firstSurname == b.firstSurname {
                    found[.name] = 4
                } else if !group {
                    found[.name] = 5
                }
            }
        }
        found.identityDisagrees = found[.idNumber] == 3 || found[.phone] == 2 || found[.birthYear] == 1
            || found[.name] == 3 || found[.name] == 5

        // Where.
        if a.county != 0 && b.county != 0 {
            found.regionDisagrees = a.county != b.county
            found[.region] = a.county == b.county ? 1 : (a.city != 0 && a.city != b.city ? 3 : 2)
        }

        // What exactly. Names agree exactly, or by sound (a homophone, two
        // characters transposed). They disagree only when both sides clearly
        // name their place: a petition listing many roads names none.
        func names(_ x: ArraySlice<UInt64>, _ y: ArraySlice<UInt64>) -> Int {
            guard !x.isEmpty, !y.isEmpty else { return 0 }
            let (exactX, soundX) = MatchFeatures.split(x), (exactY, soundY) = MatchFeatures.split(y)
            if MatchFeatures.intersects(exactX, exactY) { return 1 }
            if MatchFeatures.intersects(soundX, soundY) { return 2 }
            return exactX.count <= Self.clearlyNamedLimit && exactY.count <= Self.clearlyNamedLimit ? 3 : 0
        }
        found[.estate] = names(a.estates, b.estates)
        found[.organization] = names(a.organizations, b.organizations)
        found[.place] = names(a.places, b.places)
        found.placeAgrees = (1...2).contains(found[.estate]) || (1...2).contains(found[.organization])
            || (1...2).contains(found[.place])
        if a.hasRooms && b.hasRooms {
            let roomsB = b.rooms
            found[.room] = a.rooms.contains(where: { x in roomsB.contains { $0.isSameFlat(as: x) } }) ? 1 : 2
        }
        func values(_ x: ArraySlice<UInt64>, _ y: ArraySlice<UInt64>) -> Int {
            guard !x.isEmpty, !y.isEmpty else { return 0 }
            return MatchFeatures.intersects(x, y) ? 1 : 2
        }
        found[.caseNumber] = values(a.caseNumbers, b.caseNumbers)
        found[.amount] = values(a.amounts, b.amounts)
        found[.area] = values(a.areas, b.areas)
        found[.year] = values(a.years, b.years)
        found.specificAgrees = found.placeAgrees || found[.room] == 1 || found[.caseNumber] == 1
            || found[.amount] == 1 || found[.area] == 1

        // What kind of problem. Disjoint concepts disagree; they agree only
        // where one petition is about what the other mentions: two problems
        // that share a word in passing are not one problem.
        if a.concepts != 0 && b.concepts != 0 {
            if a.concepts & b.concepts == 0 {
                found[.concept] = 2
            } else if a.primaryConcepts & b.primaryConcepts != 0 {
                found[.concept] = 1
                found.conceptAgrees = true
            }
        }
        if a.category != 0 && b.category != 0 && a.category != b.category {
            found[.category] = 1
        }
        return found
    }

    /// Scores two petitions' features; with `explaining`, also gives the
    /// reasons in Chinese and the evidence with its weights, naming what the
    /// two profiles share. The nightly job scores without them: it compares
    /// hashes and numbers, never strings.
    public func score(_ a: MatchFeatures, _ b: MatchFeatures, textSimilarity: Float,
                      explaining profiles: (PetitionProfile, PetitionProfile)? = nil) -> PairScore {
        let found = compare(a, b)
        var identity = 0.0, subject = 0.0
        for comparison in Comparison.specifics {
            let level = found[comparison]
            guard level != 0 else { continue }
            let weight = weights.weight(comparison, level)
            if comparison.isIdentity { identity += weight } else { subject += weight }
        }
        let specifics = subject
        let learned = weights.learned
        let textWeight = weights.textWeight(textSimilarity) * (learned?.textScale ?? 1)
        subject += textWeight
        let total = weights.prior + identity + subject

        let inputs = CalibrationInputs(identity: identity, specifics: specifics, textSimilarity: Double(textSimilarity),
                                       specificAgrees: found.specificAgrees, conceptAgrees: found[.concept] == 1,
                                       conceptDisagrees: found[.concept] == 2)
        let probability = (learned?.calibration ?? calibration).probability(inputs, logOdds: total)
        // How far the pair lies past the nearer gate: negative when it is not joined.
        let margin = min(total - matterThreshold - (learned?.matterShift ?? 0),
                         subject - subjectThreshold - (learned?.subjectShift ?? 0))
        let relation: Relation
        if margin >= 0 {
            relation = .sameMatter
        } else if found.placeAgrees && found.conceptAgrees && !found.regionDisagrees
                    && (found.identityDisagrees || !found.identityAgrees) && textSimilarity >= classTextMinimum {
            relation = .sameClass
        } else {
            relation = .unrelated
        }
        var score = PairScore(logOdds: total, probability: probability, margin: margin,
                              calibrationInputs: inputs, relation: relation, reasons: [],
                              identityConflict: found.identityDisagrees && !found.identityAgrees,
                              identityAgrees: found.identityAgrees || found[.name] == 1)
        if let (profileA, profileB) = profiles {
            explain(found, textSimilarity: textSimilarity, textWeight: textWeight, shared: Self.sharedSpecifics(profileA, profileB),
                    into: &score)
        }
        return score
    }

    /// The reasons as the intake check shows them (what speaks against, what
    /// the two share, how alike they read), and the whole waterfall.
    private func explain(_ found: Findings, textSimilarity: Float, textWeight: Double, shared: [String],
                         into score: inout PairScore) {
        for comparison in Comparison.allCases where comparison != .text {
            let level = found[comparison]
            guard level != 0 else { continue }
            let reason = comparison.levels[level - 1]
            score.evidence.append(Evidence(comparison: comparison, level: level, reason: reason,
                                           weight: weights.weight(comparison, level)))
            if Self.isShownAsReason(comparison, level) { score.reasons.append(reason) }
        }
        let textReason = String(format: "文本相似度 %.2f", textSimilarity)
        score.evidence.append(Evidence(comparison: .text, level: TextSimilarityLevels.level(textSimilarity),
                                       reason: textReason, weight: textWeight))
        if !shared.isEmpty { score.reasons.append("共同要素: " + shared.joined(separator: " ")) }
        if textSimilarity >= 0.5 { score.reasons.append(textReason) }
        if score.relation == .sameClass { score.reasons.append("同一地点同类问题、不同信访人") }
    }

    /// Agreement on a place or a value is named among the shared specifics
    /// instead; a same county or surname, a different phone or category is
    /// too slight to name.
    private static func isShownAsReason(_ comparison: Comparison, _ level: Int) -> Bool {
        switch comparison {
        case .idNumber, .account, .birthYear: true
        case .phone: level == 1
        case .name: level != 4
        case .region: level != 1
        case .estate, .organization, .place: level != 1
        case .room, .caseNumber, .amount, .area, .year, .concept: level == 2
        case .category, .text: false
        }
    }

    /// What two profiles name in common, readable: places, rooms, case numbers,
    /// amounts, areas, years, and the problem kind.
    static func sharedSpecifics(_ a: PetitionProfile, _ b: PetitionProfile) -> [String] {
        let ea = a.entities, eb = b.entities
        var shared: [String] = []
        func add<T: Hashable>(_ x: Set<T>, _ y: Set<T>, _ render: (T) -> String) {
            shared += x.intersection(y).map(render).sorted().prefix(2)
        }
        add(ea.estates, eb.estates) { $0 }
        add(ea.organizations, eb.organizations) { $0 }
        add(ea.places, eb.places) { $0 }
        if let room = ea.rooms.first(where: { x in eb.rooms.contains { Room(x)?.isSameFlat(as: Room($0)) ?? (x == $0) } }) {
            shared.append(room + "室")
        }
        add(ea.caseNumbers, eb.caseNumbers) { $0 }
        add(ea.amounts, eb.amounts) { "\($0)元" }
        add(ea.areas, eb.areas) { "\($0)亩" }
        add(ea.years, eb.years) { "\($0)年" }
        shared += Set(a.concepts).intersection(b.concepts).sorted().prefix(1)
        return shared
    }

}

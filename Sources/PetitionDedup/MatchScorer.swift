import Foundation
import PetitionText

/// How two petitions relate.
public enum Relation: String, Sendable, Codable {
    /// The same matter raised again (重复信访).
    case sameMatter = "same_matter"
    /// The same kind of problem at the same place, by someone else (类案).
    case sameClass = "same_class"
    case unrelated
}

/// The verdict on one pair: a probability that both raise the same matter,
/// the relation, and the reasons in Chinese.
public struct PairScore: Sendable {
    public var logOdds: Double
    public var relation: Relation
    public var reasons: [String]
    /// The petitioners are different people (different ID, phone or name, and
    /// nothing of theirs agrees), outside a group petition.
    public var identityConflict = false

    public var probability: Double { 1 / (1 + exp(-logOdds)) }
}

/// A Fellegi–Sunter style scorer: each piece of evidence adds its log-likelihood
/// ratio, positive when it is more likely between petitions of one matter than
/// between unrelated ones, negative when it speaks against. Disagreement on a
/// specific (a different estate, room, amount, case number, ID number) counts
/// as strongly against as agreement counts for, which is what separates a
/// repeat from a petition about the same kind of problem elsewhere.
///
/// The weights were set from the rates at which each feature agrees and
/// disagrees within and across matters of the bundled corpus, then adjusted
/// by hand on its pairwise F1 (see README, "Repeat detection").
public struct MatchScorer: Sendable {
    public struct Weights: Sendable {
        var prior = -6.0
        var sameID = 9.0, nearID = 6.0, differentID = -8.0
        var samePhone = 6.0, differentPhone = -3.0, differentBirthYear = -4.0
        var sameFullName = 2.5, differentFullName = -6.0, sameSurname = 0.8, differentSurname = -6.0
        var estateAgree = 2.5, estateDisagree = -4.0
        var organizationAgree = 2.5, organizationDisagree = -3.0
        var placeAgree = 1.5, placeDisagree = -1.5
        var roomAgree = 3.0, roomDisagree = -5.0
        var caseAgree = 4.0, caseDisagree = -4.0
        var amountAgree = 2.0, amountDisagree = -2.0
        var areaAgree = 1.0, areaDisagree = -1.0
        var yearAgree = 0.5, yearDisagree = -0.5
        var conceptAgree = 1.0, conceptDisagree = -3.0
        var sameCounty = 0.8, differentCounty = -4.0, differentCity = -5.0
        var categoryDisagree = -1.0
        var textScale = 9.0, textCenter = 0.25
    }

    public var weights = Weights()
    /// Log-odds above which two petitions raise the same matter.
    public var matterThreshold = 0.0
    /// What the petitions are about must agree on its own: the same person
    /// raising a different problem is a new matter, however sure the identity.
    public var subjectThreshold = 0.0

    public init() {}

    public func score(_ a: PetitionProfile, _ b: PetitionProfile, textSimilarity: Float) -> PairScore {
        let w = weights
        var total = w.prior
        var reasons: [String] = []
        var identityAgrees = false
        var identityDisagrees = false
        let group = a.collective || b.collective

        // Who.
        if !a.idNumbers.isEmpty && !b.idNumbers.isEmpty {
            if !Set(a.idNumbers).isDisjoint(with: b.idNumbers) {
                total += w.sameID
                reasons.append("同一身份证号")
                identityAgrees = true
            } else if a.idNumbers.contains(where: { x in b.idNumbers.contains { Self.differsByOneCharacter(x, $0) } }) {
                total += w.nearID
                reasons.append("身份证号一位不符")
                identityAgrees = true
            } else if !group {
                total += w.differentID
                reasons.append("身份证号不同")
                identityDisagrees = true
            }
        }
        if !a.phones.isEmpty && !b.phones.isEmpty {
            if !Set(a.phones).isDisjoint(with: b.phones) {
                total += w.samePhone
                reasons.append("同一联系电话")
                identityAgrees = true
            } else if !group {
                total += w.differentPhone
                identityDisagrees = true
            }
        }
        // Birth years from ID numbers and stated ages: more than two years apart
        // is someone else (ages are written loosely, so a year or two is forgiven).
        if !group, !identityAgrees, !a.birthYears.isEmpty, !b.birthYears.isEmpty,
           !a.birthYears.contains(where: { x in b.birthYears.contains { abs(x - $0) <= 2 } }) {
            total += w.differentBirthYear
            reasons.append("年龄不符")
            identityDisagrees = true
        }
        // Names are compared between the first-named petitioners only: a
        // co-signing neighbour listed second does not make two households one.
        if !identityAgrees {
            if let nameA = a.primaryFullName, let nameB = b.primaryFullName {
                if nameA == nameB {
                    total += w.sameFullName
                    reasons.append("同名信访人")
                } else if !group {
                    total += w.differentFullName
                    reasons.append("信访人姓名不同")
                    identityDisagrees = true
                }
            } else if let surnameA = a.surnames.first, let surnameB = b.surnames.first {
                if surnameA == surnameB {
                    total += w.sameSurname
                } else if !group {
                    total += w.differentSurname
                    reasons.append("信访人姓氏不同")
                    identityDisagrees = true
                }
            }
        }

        let identityTotal = total - w.prior
        // Where.
        var regionDisagrees = false
        if let countyA = a.county, let countyB = b.county {
            regionDisagrees = countyA != countyB
            if countyA == countyB { total += w.sameCounty } else if a.city != nil, a.city != b.city {
                total += w.differentCity
                reasons.append("地区不同")
            } else {
                total += w.differentCounty
                reasons.append("区县不同")
            }
        }

        // What exactly.
        var shared: [String] = []
        var placeAgrees = false
        func compare<T: Hashable>(_ x: Set<T>, _ y: Set<T>, agree: Double, disagree: Double, label: String,
                                  render: (T) -> String, place: Bool = false) {
            guard !x.isEmpty, !y.isEmpty else { return }
            let common = x.intersection(y)
            if !common.isEmpty {
                total += agree
                shared += common.map(render).sorted().prefix(2)
                if place { placeAgrees = true }
            } else {
                total += disagree
                reasons.append("\(label)不一致")
            }
        }
        let ea = a.entities, eb = b.entities
        compare(ea.estates, eb.estates, agree: w.estateAgree, disagree: w.estateDisagree, label: "小区", render: { $0 }, place: true)
        compare(ea.organizations, eb.organizations, agree: w.organizationAgree, disagree: w.organizationDisagree,
                label: "单位", render: { $0 }, place: true)
        compare(ea.places, eb.places, agree: w.placeAgree, disagree: w.placeDisagree, label: "村镇道路", render: { $0 }, place: true)
        if !ea.rooms.isEmpty && !eb.rooms.isEmpty {
            if let common = ea.rooms.first(where: { x in eb.rooms.contains { Self.sameRoom(x, $0) } }) {
                total += w.roomAgree
                shared.append(common)
            } else {
                total += w.roomDisagree
                reasons.append("房号不一致")
            }
        }
        compare(ea.caseNumbers, eb.caseNumbers, agree: w.caseAgree, disagree: w.caseDisagree, label: "案号", render: { $0 })
        compare(ea.amounts, eb.amounts, agree: w.amountAgree, disagree: w.amountDisagree, label: "金额", render: { "\($0)元" })
        compare(ea.areas, eb.areas, agree: w.areaAgree, disagree: w.areaDisagree, label: "面积", render: { "\($0)亩" })
        compare(ea.years, eb.years, agree: w.yearAgree, disagree: w.yearDisagree, label: "年份", render: { "\($0)年" })

        // What kind of problem.
        var conceptAgrees = false
        if !a.concepts.isEmpty && !b.concepts.isEmpty {
            let common = Set(a.concepts).intersection(b.concepts)
            if common.isEmpty {
                total += w.conceptDisagree
                reasons.append("问题类型不同")
            } else {
                total += w.conceptAgree
                conceptAgrees = true
                shared += common.sorted().prefix(1)
            }
        }
        if let categoryA = a.category, let categoryB = b.category, categoryA != categoryB {
            total += w.categoryDisagree
        }
        if !shared.isEmpty { reasons.append("共同要素: " + shared.joined(separator: " ")) }

        // How it is written.
        total += w.textScale * Double(textSimilarity - Float(w.textCenter))
        if textSimilarity >= 0.5 { reasons.append(String(format: "文本相似度 %.2f", textSimilarity)) }

        let subjectTotal = total - w.prior - identityTotal
        let relation: Relation
        if total >= matterThreshold && subjectTotal >= subjectThreshold {
            relation = .sameMatter
        } else if placeAgrees && conceptAgrees && !regionDisagrees && (identityDisagrees || !identityAgrees) {
            relation = .sameClass
        } else {
            relation = .unrelated
        }
        if relation == .sameClass { reasons.append("同一地点同类问题、不同信访人") }
        return PairScore(logOdds: total, relation: relation, reasons: reasons,
                         identityConflict: identityDisagrees && !identityAgrees)
    }

    /// Building and room agree, and the unit too where both give one (10号楼1401室
    /// and 10号楼4单元1401号 are one flat).
    static func sameRoom(_ x: String, _ y: String) -> Bool {
        let a = x.split(separator: "-", omittingEmptySubsequences: false)
        let b = y.split(separator: "-", omittingEmptySubsequences: false)
        guard a.count == 3, b.count == 3, a[0] == b[0], a[2] == b[2] else { return x == y }
        return a[1].isEmpty || b[1].isEmpty || a[1] == b[1]
    }

    /// One character off, or only the check digit wrong.
    static func differsByOneCharacter(_ x: String, _ y: String) -> Bool {
        let a = Array(x.utf8), b = Array(y.utf8)
        guard a.count == b.count else { return false }
        var differences = 0
        for index in a.indices where a[index] != b[index] {
            differences += 1
            if differences > 1 { return false }
        }
        return differences == 1
    }
}

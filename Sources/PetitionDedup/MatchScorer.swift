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
        var sameFullName = 2.5, sameNameSound = 1.0, differentFullName = -6.0, sameSurname = 0.8, differentSurname = -6.0
        /// One account of an online board or hotline: as telling as one phone.
        var sameAccount = 6.0
        var estateAgree = 2.5, estateSoundAgree = 1.5, estateDisagree = -4.0
        var organizationAgree = 2.5, organizationSoundAgree = 1.5, organizationDisagree = -3.0
        var placeAgree = 1.5, placeSoundAgree = 1.0, placeDisagree = -1.5
        var roomAgree = 3.0, roomDisagree = -5.0
        var caseAgree = 4.0, caseDisagree = -4.0
        var amountAgree = 2.0, amountDisagree = -2.0
        var areaAgree = 1.0, areaDisagree = -1.0
        var yearAgree = 0.5, yearDisagree = -0.5
        var conceptAgree = 1.0, conceptDisagree = -3.0
        var sameCounty = 0.8, differentCounty = -4.0, differentCity = -5.0
        var categoryDisagree = -1.0
        var textScale = 9.0, textCenter = 0.25
        /// Members of a class case write alike about one place and problem.
        var classTextMinimum: Float = 0.3
    }

    public var weights = Weights()
    /// A petition naming more places of one kind than this lists them rather
    /// than names the one it is about: its places then only agree, never disagree.
    static let clearlyNamedLimit = 3
    /// Log-odds above which two petitions raise the same matter.
    public var matterThreshold = 0.0
    /// What the petitions are about must agree on its own: the same person
    /// raising a different problem is a new matter, however sure the identity.
    public var subjectThreshold = 0.0

    public init() {}

    /// Scores two profiles and explains the verdict (for the intake check).
    public func score(_ a: PetitionProfile, _ b: PetitionProfile, textSimilarity: Float) -> PairScore {
        score(MatchFeatures(a), MatchFeatures(b), textSimilarity: textSimilarity, explaining: (a, b))
    }

    /// Scores two petitions' features; with `explaining`, also gives the reasons
    /// in Chinese, naming what the two profiles share. The nightly job scores
    /// without reasons: it compares hashes and numbers, never strings.
    public func score(_ a: MatchFeatures, _ b: MatchFeatures, textSimilarity: Float,
                      explaining profiles: (PetitionProfile, PetitionProfile)? = nil) -> PairScore {
        let w = weights
        let explain = profiles != nil
        var total = w.prior
        var reasons: [String] = []
        func note(_ reason: @autoclosure () -> String) { if explain { reasons.append(reason()) } }
        var identityAgrees = false
        var identityDisagrees = false
        // A group keeps its matter when another representative files for it: both
        // petitions are then collective, and who signed says little.
        let group = a.collective && b.collective

        // Who.
        if !a.ids.isEmpty && !b.ids.isEmpty {
            if MatchFeatures.intersects(a.ids, b.ids) {
                total += w.sameID
                note("同一身份证号")
                identityAgrees = true
            } else if a.ids.contains(where: { x in b.ids.contains { MatchFeatures.differByOneDigit(x, $0) } }) {
                total += w.nearID
                note("身份证号一位不符")
                identityAgrees = true
            } else if !group {
                total += w.differentID
                note("身份证号不同")
                identityDisagrees = true
            }
        }
        if !a.phones.isEmpty && !b.phones.isEmpty {
            if MatchFeatures.intersects(a.phones, b.phones) {
                total += w.samePhone
                note("同一联系电话")
                identityAgrees = true
            } else if !group {
                total += w.differentPhone
                identityDisagrees = true
            }
        }
        // An account id on both sides; a different one says nothing (one person
        // uses two accounts, and a group posts from many).
        if !a.accounts.isEmpty && !b.accounts.isEmpty && MatchFeatures.intersects(a.accounts, b.accounts) {
            total += w.sameAccount
            note("同一账号")
            identityAgrees = true
        }
        // Birth years from ID numbers and stated ages: more than two years apart
        // is someone else (ages are written loosely, so a year or two is forgiven).
        if !group, !identityAgrees, a.hasBirthYears, b.hasBirthYears,
           !a.birthYearsAgree(with: b, within: 2) {
            total += w.differentBirthYear
            note("年龄不符")
            identityDisagrees = true
        }
        // Names are compared between the first-named petitioners only: a
        // co-signing neighbour listed second does not make two households one.
        if !identityAgrees {
            if a.primaryName != 0 && b.primaryName != 0 {
                if a.primaryName == b.primaryName {
                    total += w.sameFullName
                    note("同名信访人")
                } else if a.primaryNameSound != 0 && a.primaryNameSound == b.primaryNameSound {
                    total += w.sameNameSound
                    note("信访人姓名同音")
                } else if !group {
                    total += w.differentFullName
                    note("信访人姓名不同")
                    identityDisagrees = true
                }
            } else if a.firstSurname != 0 && b.firstSurname != 0 {
                if a.firstSurname == b.firstSurname {
                    total += w.sameSurname
                } else if !group {
                    total += w.differentSurname
                    note("信访人姓氏不同")
                    identityDisagrees = true
                }
            }
        }

        let identityTotal = total - w.prior
        // Where.
        var regionDisagrees = false
        if a.county != 0 && b.county != 0 {
            regionDisagrees = a.county != b.county
            if a.county == b.county {
                total += w.sameCounty
            } else if a.city != 0, a.city != b.city {
                total += w.differentCity
                note("地区不同")
            } else {
                total += w.differentCounty
                note("区县不同")
            }
        }

        // What exactly.
        var placeAgrees = false
        func compare(_ x: ArraySlice<UInt64>, _ y: ArraySlice<UInt64>, agree: Double, disagree: Double, label: String,
                                    place: Bool = false) {
            guard !x.isEmpty, !y.isEmpty else { return }
            if MatchFeatures.intersects(x, y) {
                total += agree
                if place { placeAgrees = true }
            } else {
                total += disagree
                note("\(label)不一致")
            }
        }
        // Names agree exactly, or by sound (a homophone, two characters
        // transposed) with less weight. They disagree only when both sides
        // clearly name their place: a petition listing many roads names none.
        func compareNames(_ x: ArraySlice<UInt64>, _ y: ArraySlice<UInt64>, agree: Double, soundAgree: Double,
                          disagree: Double, label: String) {
            guard !x.isEmpty, !y.isEmpty else { return }
            let (exactX, soundX) = MatchFeatures.split(x), (exactY, soundY) = MatchFeatures.split(y)
            if MatchFeatures.intersects(exactX, exactY) {
                total += agree
                placeAgrees = true
            } else if MatchFeatures.intersects(soundX, soundY) {
                total += soundAgree
                placeAgrees = true
                note("\(label)名称音近")
            } else if exactX.count <= Self.clearlyNamedLimit && exactY.count <= Self.clearlyNamedLimit {
                total += disagree
                note("\(label)不一致")
            }
        }
        compareNames(a.estates, b.estates, agree: w.estateAgree, soundAgree: w.estateSoundAgree,
                     disagree: w.estateDisagree, label: "小区")
        compareNames(a.organizations, b.organizations, agree: w.organizationAgree, soundAgree: w.organizationSoundAgree,
                     disagree: w.organizationDisagree, label: "单位")
        compareNames(a.places, b.places, agree: w.placeAgree, soundAgree: w.placeSoundAgree,
                     disagree: w.placeDisagree, label: "村镇道路")
        if a.hasRooms && b.hasRooms {
            let roomsB = b.rooms
            if a.rooms.contains(where: { x in roomsB.contains { $0.isSameFlat(as: x) } }) {
                total += w.roomAgree
            } else {
                total += w.roomDisagree
                note("房号不一致")
            }
        }
        compare(a.caseNumbers, b.caseNumbers, agree: w.caseAgree, disagree: w.caseDisagree, label: "案号")
        compare(a.amounts, b.amounts, agree: w.amountAgree, disagree: w.amountDisagree, label: "金额")
        compare(a.areas, b.areas, agree: w.areaAgree, disagree: w.areaDisagree, label: "面积")
        compare(a.years, b.years, agree: w.yearAgree, disagree: w.yearDisagree, label: "年份")

        // What kind of problem.
        var conceptAgrees = false
        // Disjoint concepts disagree; they agree only where one petition is
        // about what the other mentions: two problems that share a word in
        // passing (收费, 停车) are not one problem.
        if a.concepts != 0 && b.concepts != 0 {
            if a.concepts & b.concepts == 0 {
                total += w.conceptDisagree
                note("问题类型不同")
            } else if a.primaryConcepts & b.concepts != 0 || a.concepts & b.primaryConcepts != 0 {
                total += w.conceptAgree
                conceptAgrees = true
            }
        }
        if a.category != 0 && b.category != 0 && a.category != b.category {
            total += w.categoryDisagree
        }
        if let (profileA, profileB) = profiles {
            let shared = Self.sharedSpecifics(profileA, profileB)
            if !shared.isEmpty { reasons.append("共同要素: " + shared.joined(separator: " ")) }
        }

        // How it is written.
        total += w.textScale * Double(textSimilarity - Float(w.textCenter))
        if textSimilarity >= 0.5 { note(String(format: "文本相似度 %.2f", textSimilarity)) }

        let subjectTotal = total - w.prior - identityTotal
        let relation: Relation
        if total >= matterThreshold && subjectTotal >= subjectThreshold {
            relation = .sameMatter
        } else if placeAgrees && conceptAgrees && !regionDisagrees && (identityDisagrees || !identityAgrees)
                    && textSimilarity >= w.classTextMinimum {
            relation = .sameClass
        } else {
            relation = .unrelated
        }
        if relation == .sameClass { note("同一地点同类问题、不同信访人") }
        return PairScore(logOdds: total, relation: relation, reasons: reasons,
                         identityConflict: identityDisagrees && !identityAgrees)
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

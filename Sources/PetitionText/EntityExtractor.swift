import Foundation

public struct EntityExtractor: Sendable {
    /// The word lists of `entities.txt`.
    public struct WordLists: Sendable {
        var estateSuffixes: [[UInt32]] = []
        var organizationSuffixes: [[UInt32]] = []
        var placeSuffixes: [[UInt32]] = []
        var genericNameParts: [[UInt32]] = []
        var nameStops: Set<UInt32> = []
        /// Units and measure words: they end no name's key but start many (天河路, 时代广场).
        var nameEndStops: Set<UInt32> = []
        var commonNounHeads: Set<UInt32> = []
        var firstCharacterStops: Set<UInt32> = []
        /// 市 区 县 省: a key holding one is a region's name and a character, not a name (区荷花园 from A1区荷花园).
        var regionMarkers: Set<UInt32> = Set("市区县省".unicodeScalars.map(\.value))
        var objectVerbs: Set<UInt32> = []
        var notNames: Set<UInt64> = []
        /// Verbs, adverbs and other words that never end a name (`function-words.txt`).
        var functionWords: Set<UInt64> = []
        /// Common words ending in a one-character suffix (管路, 布局): the two characters as a pair.
        var wordsEndingInSuffix: Set<UInt64> = []
        /// Words naming a kind of unit (三甲, 保安, 普惠性), as code points.
        var genericTypes: [[UInt32]] = []
        /// What a unit's name sheds before its key is taken: generic name parts and type words.
        var strippedFromUnitNames: [[UInt32]] = []
        /// Suffix → characters that, following it, make it part of another word.
        var suffixContinuations: [[UInt32]: Set<UInt32>] = [:]

        public static let standard: WordLists = {
            guard let url = Bundle.module.url(forResource: "entities", withExtension: "txt"),
                  let text = try? String(contentsOf: url, encoding: .utf8) else { return WordLists() }
            var lists = WordLists(parsing: text)
            if let url = Bundle.module.url(forResource: "function-words", withExtension: "txt"),
               let words = try? String(contentsOf: url, encoding: .utf8) {
                lists.addFunctionWords(parsing: words)
            }
            return lists
        }()

        /// Adds the words of `function-words.txt` (two characters each, `#` comments).
        public mutating func addFunctionWords(parsing text: String) {
            for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
                for word in line.split(separator: " ") {
                    let points = CharacterFolding.standard.fold(String(word)).unicodeScalars.map(\.value)
                    if points.count == 2 { functionWords.insert(Self.pair(points[0], points[1])) }
                }
            }
        }

        public init() {}

        /// Reads the sections of `entities.txt`; an unknown section is ignored.
        public init(parsing text: String) {
            var section = ""
            for rawLine in text.split(whereSeparator: \.isNewline) {
                let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                    .trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("[") && line.hasSuffix("]") {
                    section = String(line.dropFirst().dropLast())
                    continue
                }
                if section == "suffix-continuations" {
                    let parts = line.split(separator: ":", maxSplits: 1)
                    guard parts.count == 2 else { continue }
                    func fold(_ text: some StringProtocol) -> [UInt32] {
                        CharacterFolding.standard.fold(String(text)).unicodeScalars.map(\.value)
                    }
                    let suffix = fold(parts[0].trimmingCharacters(in: .whitespaces))
                    for entry in parts[1].split(separator: " ") { suffixContinuations[suffix, default: []].formUnion(fold(entry)) }
                    continue
                }
                for entry in line.split(separator: " ") {
                    let points = CharacterFolding.standard.fold(String(entry)).unicodeScalars.map(\.value)
                    switch section {
                    case "estate-suffixes": estateSuffixes.append(points)
                    case "organization-suffixes": organizationSuffixes.append(points)
                    case "place-suffixes": placeSuffixes.append(points)
                    case "generic-name-parts": genericNameParts.append(points)
                    case "name-stops": nameStops.formUnion(points)
                    case "name-end-stops": nameEndStops.formUnion(points)
                    case "common-noun-heads": commonNounHeads.formUnion(points)
                    case "first-character-stops": firstCharacterStops.formUnion(points)
                    case "object-verbs": objectVerbs.formUnion(points)
                    case "not-names" where points.count == 2: notNames.insert(Self.pair(points[0], points[1]))
                    case "words-ending-in-suffix" where points.count >= 2:
                        wordsEndingInSuffix.insert(Self.pair(points[points.count - 2], points[points.count - 1]))
                    case "generic-types": genericTypes.append(points)
                    default: break
                    }
                }
            }
            strippedFromUnitNames = genericNameParts + genericTypes
        }

        static func pair(_ first: UInt32, _ second: UInt32) -> UInt64 { UInt64(first) << 32 | UInt64(second) }
    }

    private let lists: WordLists
    /// Each kind with its suffixes and the suffixes of the other kinds, in the
    /// order they are tried: built once, not for every character scanned.
    private let kinds: [(kind: EntityMention.Kind, suffixes: [[UInt32]], others: [[UInt32]])]

    public init(lists: WordLists = .standard) {
        self.lists = lists
        kinds = [(.estate, lists.estateSuffixes, lists.organizationSuffixes + lists.placeSuffixes),
                 (.organization, lists.organizationSuffixes, lists.estateSuffixes + lists.placeSuffixes),
                 (.place, lists.placeSuffixes, lists.estateSuffixes + lists.organizationSuffixes)]
    }

    private static let villageCommittee = codePoints("村委会")
    private static let phase: UInt32 = 0x671F  // 期

    private static func codePoints(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    public func extract(_ text: String) -> Entities {
        extract(FoldedText(text))
    }

    public func extract(_ folded: FoldedText) -> Entities {
        var entities = Entities()
        forEachName(in: folded.codePoints) { kind, key, _ in
            switch kind {
            case .estate: entities.estates.insert(key)
            case .organization: entities.organizations.insert(key)
            case .place: entities.places.insert(key)
            }
        }
        numbers(folded.codePoints, into: &entities)
        return entities
    }

    /// Every estate, unit and place named in the text, with the text around it.
    public func mentions(in text: String) -> [EntityMention] {
        let folded = FoldedText(text)
        let original = Array(text.unicodeScalars)
        var mentions: [EntityMention] = []
        forEachName(in: folded.codePoints) { kind, key, range in
            var context = String.UnicodeScalarView()
            let window = max(0, range.lowerBound - 12)..<min(original.count, range.upperBound + 8)
            context.append(contentsOf: original[window])
            mentions.append(EntityMention(kind: kind, key: key, context: String(context)))
        }
        return mentions
    }

    /// Calls `body` with each name's kind, key and the range of code points it spans.
    private func forEachName(in points: [UInt32], _ body: (EntityMention.Kind, String, Range<Int>) -> Void) {
        var index = 0
        while index < points.count {
            if CharacterClass(points[index]) == .han {
                var found = false
                for (kind, suffixes, others) in kinds {
                    if let (key, length) = name(points, at: index, suffixes: suffixes,
                                                stripsGenericParts: kind == .organization, otherKinds: others) {
                        body(kind, key, max(0, index - 2)..<index + length)
                        index += length
                        found = true
                        break
                    }
                }
                if found { continue }
            }
            index += 1
        }
    }

    /// When a suffix of the given kind starts at `index`, the name's key and the suffix length.
    ///
    /// Only a unit's name sheds the words that say what it does (宏达建筑工程有限公司 → 宏达):
    /// in an estate's or a road's name they are the name (A4区路灯 names no road 'A4路').
    ///
    /// A suffix followed at once by one of another kind is inside a longer
    /// name (桂花村社区, 城南路派出所, 珠江花园酒店): the longer one is taken.
    private func name(_ points: [UInt32], at index: Int, suffixes: [[UInt32]],
                      stripsGenericParts: Bool, otherKinds: [[UInt32]]) -> (String, Int)? {
        for suffix in suffixes where matches(points, at: index, suffix) {
            if otherKinds.contains(where: { matches(points, at: index + suffix.count, $0) }) { continue }
            if index + suffix.count < points.count,
               lists.suffixContinuations[suffix]?.contains(points[index + suffix.count]) == true { continue }
            // The two meaningful characters before the suffix.
            var end = index
            var stripped = stripsGenericParts
            while stripped {
                stripped = false
                for generic in lists.strippedFromUnitNames where end >= generic.count
                    && points[(end - generic.count)..<end].elementsEqual(generic) {
                    end -= generic.count
                    stripped = true
                    break
                }
            }
            guard end >= 2 else { return nil }
            // A phase (鸿福三期小区) is part of the name: the name is then the two
            // characters before it, and the key keeps the phase, so that 鸿福三期 and
            // 金地三期 do not share the key 三期小区.
            let phaseLength = end >= 4 && points[end - 1] == Self.phase && EntityExtractor.isNumeral(points[end - 2])
                && CharacterClass(points[end - 3]) == .han && CharacterClass(points[end - 4]) == .han ? 2 : 0
            let first = points[end - 2 - phaseLength], second = points[end - 1 - phaseLength]
            // What is left of 12345环保局 or J11市幼儿园 once the generic words are gone is a number, not a name.
            if end < index, CharacterClass(first) == .digit || CharacterClass(second) == .digit { return nil }
            guard CharacterClass(first) == .han || CharacterClass(first).isWordCharacter,
                  CharacterClass(second) == .han || CharacterClass(second).isWordCharacter,
                  !lists.nameStops.contains(second), !lists.nameEndStops.contains(second),
                  !lists.commonNounHeads.contains(second),
                  !lists.nameStops.contains(first), !lists.notNames.contains(WordLists.pair(first, second)),
                  !lists.firstCharacterStops.contains(first), !lists.objectVerbs.contains(second),
                  // Names are written in Chinese characters: 0米路 and 36路 (a bus line)
                  // name no road, 报A局 and A市公路 no unit.
                  CharacterClass(first) == .han, CharacterClass(second) == .han,
                  !lists.regionMarkers.contains(first), !lists.regionMarkers.contains(second),
                  !lists.functionWords.contains(WordLists.pair(first, second)),
                  !(suffix.count == 1 && lists.wordsEndingInSuffix.contains(WordLists.pair(second, suffix[0]))),
                  // A type word left before an estate's or a road's suffix (商业广场, 登山公路): no name.
                  !lists.genericTypes.contains(where: { $0.count <= end - phaseLength
                      && points[(end - phaseLength - $0.count)..<(end - phaseLength)].elementsEqual($0) })
            else { return nil }
            // A name that ends in another suffix of its kind (花园|小区, 集团|有限公司)
            // is keyed by the inner one.
            if suffixes.contains(where: { $0.count <= end && points[(end - $0.count)..<end].elementsEqual($0) }) {
                return nil
            }
            let canonicalSuffix = suffix == Self.villageCommittee ? [Self.villageCommittee[0]] : suffix  // 村委会 → 村
            let name = Array(points[(end - 2 - phaseLength)..<end])
            var key = String.UnicodeScalarView()
            for point in name + canonicalSuffix { key.append(Unicode.Scalar(point)!) }
            return (String(key), suffix.count)
        }
        return nil
    }

    private func matches(_ points: [UInt32], at index: Int, _ word: [UInt32]) -> Bool {
        guard index + word.count <= points.count else { return false }
        for offset in 0..<word.count where points[index + offset] != word[offset] { return false }
        return true
    }
}

import Testing
@testable import PetitionText

/// Index tokens of a text, as strings.
private func tokens(_ text: String) -> [String] {
    var result: [String] = []
    IndexTokenizer().forEachToken(in: FoldedText(text)) { _, bytes in
        result.append(String(decoding: bytes, as: UTF8.self))
        return true
    }
    return result
}

@Suite("Folding")
struct FoldingTests {
    @Test("Traditional characters fold to Simplified")
    func traditional() {
        #expect(CharacterFolding.standard.fold("信訪人反映房產證問題") == "信访人反映房产证问题")
    }

    @Test("full-width digits and letters fold to half-width lower case")
    func fullWidth() {
        #expect(CharacterFolding.standard.fold("２０１５年ＡＢｃ") == "2015年abc")
    }

    @Test("folding keeps one code point per code point, so offsets never move")
    func lengthPreserved() {
        let text = "信訪人：２０１５年Ｘ號樓，電話＋８６ １３８"
        #expect(CharacterFolding.standard.fold(text).unicodeScalars.count == text.unicodeScalars.count)
    }
}

@Suite("Index tokens")
struct IndexTokenTests {
    @Test("Chinese runs become overlapping bigrams, the last character a unigram")
    func bigrams() {
        #expect(tokens("信访人") == ["信访", "访人", "人"])
        #expect(tokens("房") == ["房"])
    }

    @Test("punctuation and spaces separate runs and are not indexed")
    func separators() {
        #expect(tokens("工资，社保！") == ["工资", "资", "社保", "保"])
    }

    @Test("Traditional and full-width text index like Simplified and half-width")
    func foldedTokens() {
        #expect(tokens("信訪") == tokens("信访"))
        #expect(tokens("２０１５年") == tokens("2015年"))
    }

    @Test("token offsets point into the original UTF-8 bytes")
    func offsets() {
        let text = "電話：１３８"
        let folded = FoldedText(text)
        var spans: [String] = []
        IndexTokenizer().forEachToken(in: folded) { token, _ in
            let bytes = Array(text.utf8)
            let start = Int(folded.byteOffsets[token.range.lowerBound])
            let end = Int(folded.byteOffsets[token.range.upperBound])
            spans.append(String(decoding: bytes[start..<end], as: UTF8.self))
            return true
        }
        #expect(spans == ["電話", "話", "１３８"])
    }

    @Test("phone numbers typed with spaces, dashes or +86 also yield one canonical token")
    func phones() {
        for written in ["13812345678", "138-1234-5678", "138 1234 5678", "+86 138 1234 5678", "＋８６１３８１２３４５６７８"] {
            #expect(tokens(written).contains("13812345678"), "\(written)")
        }
    }

    @Test("resident ID numbers fold to lower-case x and join across spaces")
    func residentIDs() {
        #expect(tokens("37011219800101123X") == ["37011219800101123x"])
        #expect(tokens("370112 19800101 123X").contains("37011219800101123x"))
    }

    @Test("amounts lose their thousands separators")
    func amounts() {
        #expect(tokens("38,000元") == ["38000", "元"])
    }

    @Test("a date's numbers are separate tokens")
    func dates() {
        #expect(tokens("2015-03-10") == ["2015", "03", "10"])
    }

    @Test("malformed UTF-8 is skipped, not fatal")
    func malformed() {
        let bytes: [UInt8] = [0xE4, 0xBF, 0xA1, 0xFF, 0xE8, 0xAE, 0xBF]  // 信 <bad> 访
        var folded = FoldedText()
        bytes.withUnsafeBufferPointer { folded.reset(utf8: $0) }
        var result: [String] = []
        IndexTokenizer().forEachToken(in: folded) { _, text in
            result.append(String(decoding: text, as: UTF8.self))
            return true
        }
        #expect(result == ["信", "访"])
    }
}

@Suite("Query terms")
struct QueryTermTests {
    let compiler = QueryCompiler()

    @Test("a Chinese term is the phrase of its bigrams, open at the end")
    func chinesePhrase() {
        #expect(compiler.term("信访人")?.tokens == ["信访", "访人"])
        #expect(compiler.term("信访人")?.prefix == false)
    }

    @Test("a single Chinese character is a prefix query")
    func singleCharacter() {
        let term = compiler.term("房")
        #expect(term?.tokens == ["房"])
        #expect(term?.prefix == true)
    }

    @Test("a term ending in a single character after digits keeps that character open")
    func trailingCharacter() {
        let term = compiler.term("5号")
        #expect(term?.tokens == ["5", "号"])
        #expect(term?.prefix == true)
    }

    @Test("a phone typed with dashes is looked up by its canonical token")
    func canonicalPhone() {
        #expect(compiler.term("138-1234-5678")?.tokens == ["13812345678"])
    }

    @Test("punctuation-only terms have nothing to search")
    func nothingSearchable() {
        #expect(compiler.term("*()\"") == nil)
    }
}

@Suite("Query syntax")
struct QuerySyntaxTests {
    @Test("spaces mean AND, OR joins alternatives, minus excludes")
    func operators() throws {
        let query = try SearchQuery(parsing: "小区 物业 OR 业委会 -噪音")
        #expect(query.groups.map { $0.map(\.source) } == [["小区"], ["物业", "业委会"]])
        #expect(query.excluded.map(\.source) == ["噪音"])
    }

    @Test("quotes keep a phrase whole; spaces between Chinese characters in it are dropped")
    func phrase() throws {
        let query = try SearchQuery(parsing: "\"拖欠 工资\"")
        #expect(query.groups.count == 1)
        #expect(query.groups[0][0].tokens == ["拖欠", "欠工", "工资"])
    }

    @Test("hostile input parses or is refused with a typed error, never crashes")
    func hostile() {
        for text in ["\"", "*", "NEAR(", "AND OR", "'; drop table petition; --", "\"\"\"", "-", "OR", "a\"b", "(((", "^", ":"] {
            do {
                let query = try SearchQuery(parsing: text)
                #expect(!query.groups.isEmpty)
            } catch {
                #expect(error == .noSearchableTerm(query: text) || error == .onlyExclusions(query: text))
            }
        }
    }

    @Test("a query of exclusions only is refused")
    func onlyExclusions() {
        #expect(throws: SearchQuery.ParseError.onlyExclusions(query: "-噪音")) { try SearchQuery(parsing: "-噪音") }
    }
}

@Suite("Identifiers")
struct IdentifierTests {
    @Test("the GB 11643 check digit is computed and verified")
    func checkDigit() {
        #expect(IdentifierForms.isValidResidentID("11010519491231002x"))
        #expect(!IdentifierForms.isValidResidentID("110105194912310021"))
    }

    @Test("ID numbers are canonical whatever the width, case or spacing")
    func canonicalID() {
        #expect(IdentifierForms.residentID("１１０１０５ １９４９１２３１ ００２Ｘ") == "11010519491231002x")
        #expect(IdentifierForms.residentID("12345") == nil)
    }

    @Test("phones are canonical without separators or the +86 prefix")
    func canonicalPhone() {
        #expect(IdentifierForms.phone("+86 138-1234-5678") == "13812345678")
        #expect(IdentifierForms.phone("0531-88886666") == "053188886666")
    }
}

@Suite("Dates")
struct DateTests {
    @Test("dates parse in the forms clerks write")
    func forms() {
        for written in ["2021-03-10", "2021/3/10", "2021.03.10", "2021年3月10日", "２０２１年３月１０日", "2021-03-10T08:00:00"] {
            #expect(CalendarDate(parsing: written)?.description == "2021-03-10", "\(written)")
        }
    }

    @Test("days that do not exist are refused")
    func invalid() {
        #expect(CalendarDate(parsing: "2021-02-30") == nil)
        #expect(CalendarDate(parsing: "2021-13-01") == nil)
        #expect(CalendarDate(parsing: "昨天") == nil)
    }
}

@Suite("Word segmentation")
struct SegmentationTests {
    @Test("ICU segments Chinese into words and skips punctuation")
    func words() throws {
        let words = try WordSegmenter().words("我们反映工资问题。")
        #expect(!words.isEmpty)
        #expect(words.allSatisfy { !$0.text.contains("。") })
        #expect(words.map(\.text).joined() == "我们反映工资问题")
    }

    @Test("the lexicon joins domain words ICU splits")
    func lexicon() throws {
        let words = try WordSegmenter().words("信访人多次越级上访，要求办理不动产权证").map(\.text)
        #expect(words.contains("信访人"))
        #expect(words.contains("越级上访") || words.contains("越级"))
        #expect(words.contains("不动产权证"))
    }

    @Test("Traditional text segments as its Simplified form")
    func traditional() throws {
        let segmenter = try WordSegmenter()
        #expect(segmenter.words("信訪人反映小區問題").map(\.text) == segmenter.words("信访人反映小区问题").map(\.text))
    }

    @Test("word ranges are code point offsets into the original text")
    func ranges() throws {
        let text = "信訪人：張某"
        let scalars = Array(text.unicodeScalars)
        for word in try WordSegmenter().words(text) {
            let original = String(String.UnicodeScalarView(scalars[word.range]))
            #expect(CharacterFolding.standard.fold(original) == word.text)
        }
    }
}

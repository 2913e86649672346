import GRDB
import PetitionModel
import GRDBSQLite
import PetitionText

/// The FTS5 tokenizer of every petition index, registered on each connection.
///
/// Documents (and the text FTS5 re-tokenizes for `highlight()` and `snippet()`)
/// go through ``IndexTokenizer``: folded, Chinese as bigrams, numbers canonical,
/// offsets into the original bytes. Queries are compiled by ``QueryCompiler``
/// before they reach SQLite, into space-separated index tokens, so in query
/// mode this tokenizer only splits on spaces: analysing a query twice would
/// turn its bigrams into bigrams of bigrams.
public final class ChineseTokenizer: FTS5CustomTokenizer {
    public static let name = "petition_zh"

    private let tokenizer = IndexTokenizer()
    private var folded = FoldedText()

    public init(db: Database, arguments: [String]) throws {}

    public func tokenize(
        context: UnsafeMutableRawPointer?,
        tokenization: FTS5Tokenization,
        pText: UnsafePointer<CChar>?,
        nText: CInt,
        tokenCallback: FTS5TokenCallback
    ) -> CInt {
        guard let pText, nText > 0 else { return SQLITE_OK }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pText).assumingMemoryBound(to: UInt8.self),
                                        count: Int(nText))
        if tokenization.contains(.query) {
            return splitCompiledQuery(bytes, context: context, tokenCallback: tokenCallback)
        }
        folded.reset(utf8: bytes)
        var code = SQLITE_OK
        let offsets = folded.byteOffsets
        tokenizer.forEachToken(in: folded) { token, text in
            code = text.withMemoryRebound(to: CChar.self) { text in
                tokenCallback(context, token.colocated ? FTS5_TOKEN_COLOCATED : 0,
                              text.baseAddress, CInt(text.count),
                              offsets[token.range.lowerBound], offsets[token.range.upperBound])
            }
            return code == SQLITE_OK
        }
        return code
    }

    private func splitCompiledQuery(
        _ bytes: UnsafeBufferPointer<UInt8>, context: UnsafeMutableRawPointer?, tokenCallback: FTS5TokenCallback
    ) -> CInt {
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
            if index > start {
                let code = tokenCallback(context, 0,
                                         UnsafeRawPointer(bytes.baseAddress! + start).assumingMemoryBound(to: CChar.self),
                                         CInt(index - start), CInt(start), CInt(index))
                if code != SQLITE_OK { return code }
            }
            start = index + 1
        }
        return SQLITE_OK
    }
}

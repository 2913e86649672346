import Foundation
import PetitionModel
import PetitionStore
import Testing

/// Files are read as a stream: what a stream gives must not depend on where
/// its reads cut the file (inside a line, a character or a CRLF).
@Suite("Record streams")
struct RecordStreamTests {
    /// Every record of a stream as (line, fields or error), read in batches of `batch`.
    static func drain(_ stream: RecordStream, batch: Int = 3) throws -> [String] {
        var seen: [String] = []
        while true {
            let records = try stream.next(maximum: batch)
            if records.isEmpty { return seen }
            for record in records {
                switch record.fields {
                case let .success(fields):
                    let keys = fields.keys.sorted().map { "\($0)=\(fields[$0]!)" }.joined(separator: ";")
                    seen.append("\(record.line): \(keys)")
                case let .failure(error): seen.append("\(record.line): ✗ \(error.message)")
                }
            }
        }
    }

    @Test("reads cut inside lines, characters and CRLFs give the records of one whole read")
    func chunkBoundaries() throws {
        let temporary = try TemporaryStore()
        let path = try temporary.write("cut.jsonl", """
            {"id": "A-1", "received_at": "2023-01-02", "content": "投诉阳光花园小区物业乱收费"}\r
            \r
            {"id": "A-2", "received_at": "2023-01-03", "content": "反映拖欠工资，涉及金额３万元"}
            not json
            {"id": "A-3", "received_at": "2023-01-04", "content": "噪音扰民"}
            """)
        let whole = try Self.drain(RecordStream(path: path), batch: 100)
        #expect(whole.count == 4)
        #expect(whole[2].hasPrefix("4: ✗"))
        for chunk in [1, 2, 3, 5, 7] {
            #expect(try Self.drain(RecordStream(path: path, prefixLength: 4, chunkLength: chunk)) == whole)
        }
    }

    @Test("a GB18030 file is recognized from its prefix and decoded line by line")
    func gb18030Prefix() throws {
        let path = TestPaths.fixture("gb18030.csv")
        let stream = try RecordStream(path: path)
        #expect(stream.encoding == "GB18030")
        let whole = try Self.drain(stream, batch: 100)
        #expect(!whole.isEmpty && whole.allSatisfy { !$0.contains("✗") })
        #expect(try Self.drain(RecordStream(path: path, prefixLength: 64, chunkLength: 5)) == whole)
    }

    @Test("a quoted CSV cell spanning lines is one record, however the reads cut it")
    func quotedCellAcrossReads() throws {
        let temporary = try TemporaryStore()
        let path = try temporary.write("multi.csv", "id,received_at,content\nB-1,2023-02-01,\"第一行\n第二行，\"\"引号\"\"\"\nB-2,2023-02-02,简单\n")
        let whole = try Self.drain(RecordStream(path: path), batch: 100)
        #expect(whole == ["2: content=第一行\n第二行，\"引号\";id=B-1;received_at=2023-02-01",
                          "4: content=简单;id=B-2;received_at=2023-02-02"])
        #expect(try Self.drain(RecordStream(path: path, prefixLength: 4, chunkLength: 2)) == whole)
    }

    @Test("a quote that never closes is reported at its line, and reading resumes on the next")
    func unclosedQuote() throws {
        let temporary = try TemporaryStore()
        let path = try temporary.write("open.csv", "id,received_at,content\nC-1,2023-03-01,\"没有闭合\nC-2,2023-03-02,好的\n")
        #expect(try Self.drain(RecordStream(path: path)) == ["2: ✗ 引号未闭合", "3: content=好的;id=C-2;received_at=2023-03-02"])
    }

    @Test("how much of the file has been read is known, for progress")
    func bytesRead() throws {
        let temporary = try TemporaryStore()
        let path = try temporary.write("p.jsonl", String(repeating: "{\"id\": \"D\", \"received_at\": \"2023-01-01\", \"content\": \"x\"}\n", count: 50))
        let stream = try RecordStream(path: path, prefixLength: 64, chunkLength: 64)
        _ = try stream.next(maximum: 10)
        #expect(stream.bytesRead > 0 && stream.bytesRead < stream.fileSize)
        _ = try Self.drain(stream)
        #expect(stream.bytesRead == stream.fileSize)
    }
}

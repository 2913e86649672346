import Foundation
@testable import PetitionDedup
import PetitionModel
import PetitionStore
import PetitionText
import Testing

/// The record the nightly job stores with an assignment must give back
/// exactly what it kept, or an incremental run would score differently from
/// a full one.
@Suite("Stored index records")
struct IndexRecordTests {
    static let petition = Petition(
        id: "XF-2024-000001", receivedAt: CalendarDate(year: 2024, month: 3, day: 5)!, level: "市级",
        province: "山东省", city: "济南市", county: "历下区",
        petitioners: [Petitioner(name: "张伟", idNumber: "370102198001011234", phone: "13800000000")],
        category: "城乡建设", title: "阳光花园小区5号楼2单元301室漏水",
        content: "2023年起阳光花园小区5号楼2单元301室漏水，物业公司拒不维修，损失3万元。联系电话13912345678。")

    @Test("a record read back gives the same features, keys, level and class signatures")
    func roundTrip() throws {
        let profile = try ProfileBuilder().profile(of: Self.petition)
        let features = MatchFeatures(profile)
        let stored = features.stored
        let record = IndexRecord(scalars: stored.scalars, lists: stored.lists, keys: [1, 2, 0x8000_0000_0000_0003],
                                 levelRank: Int8(profile.levelRank ?? -1),
                                 classSignatures: MatterGrouping.classSignatures(of: profile))
        let decoded = try #require(IndexRecord(decoding: record.encoded()))
        #expect(decoded == record)
        let rebuilt = try #require(MatchFeatures(stored: decoded.scalars, lists: decoded.lists))
        #expect(rebuilt.stored.scalars == stored.scalars)
        #expect(rebuilt.stored.lists == stored.lists)
        #expect(MatchScorer().score(features, rebuilt, textSimilarity: 1).logOdds
            == MatchScorer().score(features, features, textSimilarity: 1).logOdds)
    }

    @Test("a damaged or truncated record is refused, not misread")
    func damagedRecord() throws {
        let record = IndexRecord(scalars: Array(repeating: 7, count: 10), lists: [], keys: [42], levelRank: 2,
                                 classSignatures: ["历下区|阳光花园|漏水"])
        let data = record.encoded()
        #expect(IndexRecord(decoding: data.dropLast()) == nil)
        #expect(IndexRecord(decoding: Data([99]) + data.dropFirst()) == nil)
        #expect(IndexRecord(decoding: data + Data([0])) == nil)
    }
}

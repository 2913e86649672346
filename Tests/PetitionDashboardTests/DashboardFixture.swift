import Foundation
import PetitionDashboard
import PetitionDedup
import PetitionModel
import PetitionStore

/// A small store with petitions written for one question each, deduplicated
/// by the nightly job; removed with the fixture.
final class DashboardFixture {
    let directory: URL
    let store: PetitionStore

    init(petitions: [String], backlog: [String] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("petition-dashboard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try PetitionStore(path: directory.appendingPathComponent("test.db").path)
        try add(petitions)
        if !backlog.isEmpty {
            _ = try Importer(store: store).importRecords(RecordFile.jsonLines(backlog.joined(separator: "\n")), kind: .backlogCases)
        }
    }

    func add(_ petitions: [String]) throws {
        let summary = try Importer(store: store, derivedData: try ProfileWriter())
            .importRecords(RecordFile.jsonLines(petitions.joined(separator: "\n")), kind: .petitions)
        precondition(summary.rejected.isEmpty, "\(summary.rejected)")
    }

    func run() throws {
        _ = try DedupJob(store: store).run(full: false)
    }

    func figures() throws -> DashboardFigures {
        try DashboardBuilder(store: store, rules: AcceptanceRules.bundled()).build()
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// A petition record: one petitioner (known by phone) about one problem, in a county of 济南市 unless given.
    static func petition(_ id: String, _ received: String, person: String, about problem: String,
                         county: String = "历城区", city: String = "济南市", province: String = "山东省",
                         level: String = "县级", headcount: Int = 1, handling: String? = nil) -> String {
        var object: [String: Any] = [
            "id": id, "received_at": received, "channel": "来信", "level": level, "province": province, "city": city,
            "county": county, "petitioners": [["name": "王" + person.suffix(2), "phone": person]],
            "headcount": headcount, "category": "城乡建设", "title": "反映\(problem)问题",
            "content": "信访人反映\(problem)，多次找有关部门没有解决，请求依法处理。",
        ]
        if let handling { object["handling"] = try! JSONSerialization.jsonObject(with: Data(handling.utf8)) }
        return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}


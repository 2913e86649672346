import Foundation
import PetitionModel
import PetitionStore
import Testing

/// What any backend of ``PairLabelRepository`` promises, on each backend.
@Suite("Pair labels")
struct PairLabelRepositoryTests {
    @Test("a pair has one label whichever way it is given, and a later judgment replaces an earlier one",
          arguments: Backend.available)
    func oneLabelPerPair(_ backend: Backend) throws {
        let temporary = try BackendStore(backend)
        let store: any PetitionStorage = temporary.store
        #expect(try store.pairLabels().isEmpty)
        try store.saveLabels([
            PairLabel("B-2", "A-1", judgment: .sameMatter, operatorName: "王科长", labelledAt: "2026-01-01T00:00:00Z",
                      source: "label"),
            PairLabel("C-3", "A-1", judgment: .skipped, operatorName: "王科长", labelledAt: "2026-01-01T00:00:01Z",
                      source: "label"),
        ])
        try store.saveLabels([PairLabel("A-1", "B-2", judgment: .different, operatorName: "李调查员",
                                        labelledAt: "2026-01-02T00:00:00Z", source: "service")])
        let labels = try store.pairLabels()
        #expect(labels.map { [$0.first, $0.second] } == [["A-1", "C-3"], ["A-1", "B-2"]])
        #expect(labels.last?.judgment == .different)
        #expect(labels.last?.operatorName == "李调查员")
        #expect(labels.last?.source == "service")
    }
}

import Foundation
import PetitionModel

/// The word frequencies over the assigned petitions when a run ended, as the
/// store keeps them: the document count, then every saved frequency, each a
/// fixed eight-byte word of ``BinaryWriter``. An incremental run starts from
/// them while they still describe the store (``PetitionStore/IndexStateRepository``
/// decides that); the intake check weighs words by the last ones saved.
enum IndexState {
    static func encode(_ statistics: WordStatistics) -> Data {
        var writer = BinaryWriter(capacity: 8 + statistics.savedCountBound * 8)
        writer.fixed64(UInt64(statistics.documentCount))
        statistics.forEachSaved { writer.fixed64($0) }
        return writer.data
    }

    /// Nil for bytes that are not a whole number of words.
    static func decode(_ data: Data) -> WordStatistics? {
        guard data.count >= 8, data.count % 8 == 0 else { return nil }
        var reader = BinaryReader(data)
        guard let documents = reader.fixed64() else { return nil }
        var saved: [UInt64] = []
        saved.reserveCapacity(reader.remaining / 8)
        while let value = reader.fixed64() { saved.append(value) }
        return WordStatistics(documentCount: Int(documents), saved: saved)
    }

    /// The statistics the intake check and an explanation weigh words by: the
    /// last run's, else none yet, with every word counting as rare.
    static func lastStatistics(in store: any PetitionStorage) throws -> WordStatistics {
        if let saved = try store.lastStatistics().flatMap(decode) { return saved }
        return WordStatistics(documentCount: try store.petitionCount())
    }
}

import Foundation
import PetitionText

/// The write side of `import`, the one part of it that differs between
/// backends: ``Importer`` reads the records, decodes them and derives their
/// data on every core whatever the store, and hands each batch, in file order,
/// to ``writeImportBatch(_:at:derive:)``.
public protocol PetitionImporting: Sendable {
    /// The content fingerprints of the stored petitions among `ids`, by id:
    /// a petition whose fingerprint is unchanged is not profiled again.
    func recordHashes(ofPetitions ids: [String]) throws -> [String: String]
    /// Upserts one batch by id in one transaction, in the order given: a
    /// petition with its petitioners, its index entries and its derived data
    /// (`derive` supplies them when the item carries none and the petition
    /// changed), and forgets the matter of each petition written, so that the
    /// next nightly run scores the changed text again. Unchanged records
    /// write nothing.
    func writeImportBatch(_ batch: [ImportItem], at now: String,
                          derive: (Petition) -> DerivedPetitionData?) throws -> ImportSummary
    /// Called once an import has written its last batch (a server refreshes its planner's statistics).
    func importFinished(_ summary: ImportSummary) throws
}

extension PetitionImporting {
    /// SQLite keeps no statistics that a bulk load leaves stale: nothing to do.
    public func importFinished(_ summary: ImportSummary) throws {}
}

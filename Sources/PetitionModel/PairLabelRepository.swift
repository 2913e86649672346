/// Officials' judgments of pairs, one per pair: a later judgment replaces an
/// earlier one, since an official who changes his mind means the later.
public protocol PairLabelRepository: Sendable {
    /// Stores the labels in one transaction; a pair already labelled takes the new judgment.
    func saveLabels(_ labels: [PairLabel]) throws
    /// Every label, oldest first.
    func pairLabels() throws -> [PairLabel]
}

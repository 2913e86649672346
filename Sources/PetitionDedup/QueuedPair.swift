import Foundation

/// A pair put to an official (``LabelQueue``): the two petitions, the
/// scorer's probability that they are one matter, and its reasons.
public struct QueuedPair: Sendable {
    public var a: String
    public var b: String
    public var probability: Double
    /// How far past the nearer gate, in log-odds (``PairScore/margin``).
    public var margin: Double
    public var relation: Relation
    public var reasons: [String]
}

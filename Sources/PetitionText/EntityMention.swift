import Foundation

/// One place or unit the extractor found, where it stands in the text.
public struct EntityMention: Sendable, Equatable {
    public enum Kind: String, Sendable { case estate, organization, place }
    public var kind: Kind
    /// The name's key: its two meaningful characters and its suffix.
    public var key: String
    /// The text around the name, for reading.
    public var context: String
}

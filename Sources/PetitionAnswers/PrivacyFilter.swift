import PetitionText

/// ID numbers and phones masked in every answer, as on the command line,
/// unless an admin asked for them with a reason (``reveal``).
public struct PrivacyFilter: Sendable {
    public var reveal = false

    public init(reveal: Bool = false) {
        self.reveal = reveal
    }

    public func identifier(_ text: String?) -> String? {
        guard let text else { return nil }
        return reveal ? text : PrivacyMask.identifier(text)
    }

    public func text(_ text: String) -> String {
        reveal ? text : PrivacyMask.text(text)
    }
}

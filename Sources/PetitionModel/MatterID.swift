/// Matter ids: M- and a sequence number of at least six digits, given in the
/// order matters were opened and never reused.
public enum MatterID {
    /// The sequence number of an id written by ``format(_:)``.
    public static func sequence(_ matter: String) -> Int? {
        guard matter.hasPrefix("M-"), let sequence = Int(matter.dropFirst(2)), sequence > 0 else { return nil }
        return sequence
    }

    public static func format(_ sequence: Int) -> String {
        let digits = String(sequence)
        return "M-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}

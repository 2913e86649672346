/// The largest request bodies the service reads: one petition to check, a
/// batch to import. A larger body is refused with 413 before it is read when
/// its length is declared, else as soon as it passes the limit.
public struct BodyLimits: Sendable, Equatable {
    /// `POST /v1/check`: one petition record.
    public var record: Int
    /// `POST /v1/petitions`: JSON Lines or a JSON array.
    public var batch: Int

    public init(record: Int = 1 << 20, batch: Int = 64 << 20) {
        self.record = record
        self.batch = batch
    }

    public static let standard = BodyLimits()
}

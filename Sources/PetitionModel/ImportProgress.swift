import Foundation
import PetitionText

/// How far an import has got: records handled, and bytes of the file read
/// (zero when the records did not come from a file).
public struct ImportProgress: Sendable {
    public var records: Int
    public var bytesRead: Int
    public var fileSize: Int
}

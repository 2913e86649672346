import Foundation
import GRDB
import PetitionStore

/// Stores each imported petition's profile and blocking keys with it, in the
/// import's transaction, and forgets its matter when its text changed so that
/// the next nightly run scores it again.
public final class ProfileWriter: PetitionDerivedDataWriter {
    private let builder: ProfileBuilder

    public init() throws {
        builder = try ProfileBuilder()
    }

    public func petitionWritten(rowID: Int64, petition: Petition, in db: Database) throws {
        let profile = builder.profile(of: petition)
        try ProfileCodec.save(profile, rowID: rowID, in: db)
        try db.cachedStatement(sql: "DELETE FROM assignment WHERE petition_rowid = ?").execute(arguments: [rowID])
    }
}


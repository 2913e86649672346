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
        try db.execute(sql: "DELETE FROM assignment WHERE petition_rowid = ?", arguments: [rowID])
    }
}

enum ProfileCodec {
    static func encode(_ profile: PetitionProfile) throws -> Data {
        try JSONEncoder().encode(profile)
    }

    static func decode(_ data: Data) throws -> PetitionProfile {
        try JSONDecoder().decode(PetitionProfile.self, from: data)
    }

    static func save(_ profile: PetitionProfile, rowID: Int64, in db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO petition_profile (petition_rowid, profile) VALUES (?, ?)",
                       arguments: [rowID, try encode(profile)])
        try db.execute(sql: "DELETE FROM block_key WHERE petition_rowid = ?", arguments: [rowID])
        for key in profile.blockingKeys {
            try db.execute(sql: "INSERT OR IGNORE INTO block_key (key, petition_rowid) VALUES (?, ?)",
                           arguments: [key, rowID])
        }
    }
}

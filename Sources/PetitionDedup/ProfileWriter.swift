import Foundation
import PetitionStore

/// Derives each imported petition's profile and blocking keys, which the
/// importer stores in the petition's own transaction.
public final class ProfileWriter: PetitionDerivedDataWriter {
    private let builder: ProfileBuilder

    public init() throws {
        builder = try ProfileBuilder()
    }

    public func derivedData(for petition: Petition) -> DerivedPetitionData {
        ProfileCodec.derivedData(builder.profile(of: petition))
    }
}

import Foundation
import PetitionModel

/// Derives each imported petition's profile and blocking keys, which the
/// importer stores in the petition's own transaction. Holds an ICU segmenter:
/// one writer per thread (``makeWorker()``).
public final class ProfileWriter: PetitionDerivedDataWriter {
    private let builder: ProfileBuilder

    public init() throws {
        builder = try ProfileBuilder()
    }

    public func derivedData(for petition: Petition) -> DerivedPetitionData {
        ProfileCodec.derivedData(builder.profile(of: petition))
    }

    public func makeWorker() throws -> any PetitionDerivedDataWriter {
        try ProfileWriter()
    }
}

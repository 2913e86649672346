import Foundation
import PetitionModel
import PetitionText

/// The intake verdict of DOMAIN.md.
public enum Verdict: String, Sendable {
    case `repeat`, `class`, new
}

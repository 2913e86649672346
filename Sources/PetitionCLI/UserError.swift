import ArgumentParser
import Foundation
import PetitionAnswers
import PetitionModel
import PetitionText

/// A problem with what the user gave us, reported with exit code 1.
struct UserError: Error {
    var message: String
}

import Foundation
import PetitionText

/// One person named on a petition.
public struct Petitioner: Sendable, Equatable, Codable {
    public var name: String?
    /// As written; see ``canonicalIDNumber``.
    public var idNumber: String?
    /// As written; see ``canonicalPhone``.
    public var phone: String?

    public init(name: String? = nil, idNumber: String? = nil, phone: String? = nil) {
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
    }

    public var canonicalIDNumber: String? { idNumber.flatMap(IdentifierForms.residentID) }
    public var canonicalPhone: String? { phone.flatMap(IdentifierForms.phone) }

    enum CodingKeys: String, CodingKey {
        case name, idNumber = "id_number", phone
    }
}

import PetitionText

// What a role without a reveal sees of a record: every identifier field
// masked by ``PrivacyMask/identifier(_:)`` and every text a clerk typed masked
// by ``PrivacyMask/text(_:)`` — titles and contents, but also names, organs
// and a backlog case's leader and title, since an ID number or a phone is
// sometimes typed into any of them. Masking the record before any answer is
// built leaves no field for an answer to forget.

extension Petitioner {
    public var masked: Petitioner {
        Petitioner(name: name.map(PrivacyMask.text), idNumber: idNumber.map(PrivacyMask.identifier),
                   phone: phone.map(PrivacyMask.identifier))
    }
}

extension Handling.Request {
    public var masked: Handling.Request {
        var copy = self
        copy.organ = organ.map(PrivacyMask.text)
        return copy
    }
}

extension Handling {
    public var masked: Handling {
        var copy = self
        copy.organ = organ.map(PrivacyMask.text)
        copy.review = review?.masked
        copy.recheck = recheck?.masked
        return copy
    }
}

extension Petition {
    public var masked: Petition {
        var copy = self
        copy.title = title.map(PrivacyMask.text)
        copy.content = PrivacyMask.text(content)
        copy.respondent = respondent.map(PrivacyMask.text)
        copy.petitioners = petitioners.map(\.masked)
        copy.handling = handling?.masked
        return copy
    }
}

extension BacklogCase {
    public var masked: BacklogCase {
        var copy = self
        copy.title = PrivacyMask.text(title)
        copy.summary = summary.map(PrivacyMask.text)
        copy.leader = leader.map(PrivacyMask.text)
        copy.responsibleUnits = responsibleUnits.map(PrivacyMask.text)
        copy.status = status.map(PrivacyMask.text)
        return copy
    }
}

extension MatterMember {
    public var masked: MatterMember {
        var copy = self
        copy.title = title.map(PrivacyMask.text)
        copy.petitioner = petitioner.map(PrivacyMask.text)
        return copy
    }
}

extension Petition {
    /// What the audit trail records of a petition submitted to a check: its id
    /// and the identifiers it named, masked. A check answers whether a stored
    /// petitioner matches, so the trail must show what was asked about, without
    /// itself holding the digits it protects.
    public var checkAuditSubject: String {
        let people = petitioners.map(\.masked).map { person in
            [person.name, person.idNumber, person.phone].compactMap { $0 }.joined(separator: " ")
        }
        return people.isEmpty ? id : id + "；信访人：" + people.joined(separator: "，")
    }
}

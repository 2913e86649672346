import PetitionText

/// One decoded record on its way into a store: a petition with what the
/// detector derives from it (nil when it was found unchanged as it was read:
/// the store asks for it again only if the petition changed since), or a
/// backlog case.
public enum ImportItem: Sendable {
    case petition(Petition, DerivedPetitionData?)
    case backlog(BacklogCase)
}

import PetitionModel
import PetitionText

/// A class case's place as people write it (丁家洼村, not its key 家洼村), read
/// back from the petitions of the class's first matters. Names are kept once
/// read: the night's report and its dashboard page name the same classes.
public final class ClassPlaceNamer {
    let store: any PetitionStorage
    let names = PlaceNames()
    private var named: [String: String] = [:]
    /// How many of the class's matters are read, and petitions of each: the
    /// first petitions of three different petitioners, who word the place's
    /// surroundings differently, agree on where its name begins; few enough
    /// to stay cheap for thousands of classes.
    static let mattersRead = 3
    static let petitionsPerMatter = 1

    public init(store: any PetitionStorage) {
        self.store = store
    }

    public func name(ofClass classID: String, key: String) throws -> String {
        if let name = named[classID + "|" + key] { return name }
        var texts: [String] = []
        for matter in try store.matterIDs(ofClass: classID).prefix(Self.mattersRead) {
            for petition in try store.petitions(ofMatter: matter).prefix(Self.petitionsPerMatter) {
                texts.append([petition.title ?? "", petition.content, petition.respondent ?? ""].joined(separator: "。"))
            }
        }
        let name = names.fullName(ofKey: key, in: texts)
        named[classID + "|" + key] = name
        return name
    }
}

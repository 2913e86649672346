import Foundation
import PetitionDedup
import PetitionModel
import PetitionText

/// The labelling answers of both doors (`petition label`, `/v1/labels`): a
/// pair put to an official with both petitions side by side, and the reading
/// of judgments sent in, so that either door asks and stores alike.
public enum LabelAnswer {
    /// Both petitions of a pair as an official reads them, masked: what the
    /// command line prints, the page shows and the JSON carries.
    public static func sideBySide(_ pair: QueuedPair, store: any PetitionStorage, privacy: PrivacyFilter) throws
        -> [(id: String, receivedAt: String, region: String, petitioner: String?, title: String?, content: String)] {
        try [pair.a, pair.b].compactMap { id in
            guard let petition = try store.storedPetition(id: id)?.petition else { return nil }
            return (petition.id, petition.receivedAt.description,
                    [petition.province, petition.city, petition.county].compactMap { $0 }.joined(),
                    petition.petitioners.first?.name.map(privacy.text), petition.title.map(privacy.text),
                    privacy.text(petition.content))
        }
    }

    /// One queued pair: the scorer's view and both petitions in full, masked.
    public static func queued(_ pair: QueuedPair, store: any PetitionStorage, privacy: PrivacyFilter) throws -> [String: Any] {
        let petitions = try sideBySide(pair, store: store, privacy: privacy).map { petition -> [String: Any] in
            ["id": petition.id, "received_at": petition.receivedAt, "region": petition.region,
             "petitioner": AnswerJSON.null(petition.petitioner), "title": AnswerJSON.null(petition.title),
             "content": petition.content]
        }
        return [
            "a": pair.a, "b": pair.b, "probability": pair.probability, "margin": pair.margin,
            "relation": pair.relation.rawValue, "reasons": pair.reasons.map(privacy.text), "petitions": petitions,
        ]
    }

    public static func label(_ label: PairLabel) -> [String: Any] {
        ["a": label.first, "b": label.second, "label": label.judgment.rawValue, "operator": label.operatorName,
         "at": label.labelledAt, "source": label.source]
    }

    /// A judgment as written: its JSON name, 同一事项 / 不同事项 / 跳过, or y / n / s.
    public static func judgment(_ text: String) -> PairLabel.Judgment? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "same_matter", "同一事项", "y", "是": .sameMatter
        case "different", "不同事项", "n", "否": .different
        case "skip", "skipped", "跳过", "s": .skipped
        default: nil
        }
    }

    /// What a judged-pairs file (`pairs-dev.jsonl`'s format) says as labels,
    /// and how many pairs it leaves undecided (``JudgedPair/pairLabel(operatorName:at:)``).
    public static func labels(fromJudged pairs: [JudgedPair], operatorName: String, at: String)
        -> (labels: [PairLabel], undecided: Int) {
        let labels = pairs.compactMap { $0.pairLabel(operatorName: operatorName, at: at) }
        return (labels, pairs.count - labels.count)
    }
}

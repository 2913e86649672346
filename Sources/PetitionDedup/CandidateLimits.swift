/// Which candidates the nightly job and the intake check score: one named
/// place, since a check that blocks differently from the run that formed the
/// matters finds other repeats. Where the two differ, it is because they find
/// candidates differently (the job through posting lists it holds in memory,
/// the check through the store's key table and its full-text index), and the
/// reason is given. Set by hand and held by the quality tests; the job's
/// figures on the real pairs and the synthetic corpora are with these values.
enum CandidateLimits {
    /// A blocking key filed under more petitions than this says too little to
    /// follow (a big estate's name, a common road): the job's posting lists
    /// and the check's key lookups both skip it.
    static let commonKey = 400

    /// Candidates the job scores per petition at most. The job scores every
    /// petition of the corpus; at a million, each candidate more is a million
    /// comparisons (the run's time at 1,000,000 is in docs/SCALE.md).
    static let perPetitionInRun = 120
    /// Candidates the check scores at most: a clerk waits for one petition, so
    /// the check looks further than the job (p99 15 ms on the real messages).
    static let perPetitionInCheck = 200

    /// The job's rarest words that become blocking keys of a petition.
    static let rareWordKeysInRun = 5
    /// The check's rarest words, looked up in the full-text index as one OR
    /// query: it finds a word wherever its characters stand together, so it
    /// needs a few more words than exact keys to reach the same petitions.
    static let rareWordsInCheck = 8
    /// Rows the check reads from that query, best-ranked first.
    static let textCandidatesInCheck = 60

    /// In the check, a candidate found by a blocking key (an identity or a named
    /// specific) counts twice one found by a rare word (only text), so that
    /// when more are found than scored, the keyed ones are scored first.
    static let keyVote = 2
    static let wordVote = 1
}

/// How phrasing style 2 writes about one problem type (a `Problem` of Problems.swift, matched by name).
/// A petition is put together from these parts in an order the renderer chooses.
struct Style2Phrasing: Sendable {
    /// The `Problem.name` this belongs to.
    let problem: String
    /// Short noun phrases for the problem, used by generic titles: 办证难, 欠薪.
    let topics: [Style2Template]
    let titles: [Style2Template]
    /// Who, where and since when (the petitioner and the place).
    let background: [Style2Template]
    /// What went wrong, with the matter's amounts and dates; one is always used.
    let grievance: [Style2Template]
    /// Causes, consequences, evidence, earlier attempts; any number may be used.
    let details: [Style2Template]
    /// What the petitioner wants, as verb phrases that fit after 希望政府 / 恳请领导 / 请求.
    let demands: [Style2Template]
    /// The people of a group or class with a measure word: 户业主, 名农民工.
    let groupNoun: String
    /// Backlog: one-line case titles.
    let caseLines: [Style2Template]
    /// Backlog: the opening of an official narrative (no final punctuation).
    let caseNarratives: [Style2Template]
    /// Backlog: a paraphrase of the complaint, written after "X区群众：" (no final punctuation).
    let caseComplaints: [Style2Template]

    init(_ problem: String, topics: [String], titles: [String], background: [String], grievance: [String],
         details: [String], demands: [String], groupNoun: String, caseLines: [String], caseNarratives: [String],
         caseComplaints: [String]) {
        self.problem = problem
        self.topics = topics.map(Style2Template.init)
        self.titles = titles.map(Style2Template.init)
        self.background = background.map(Style2Template.init)
        self.grievance = grievance.map(Style2Template.init)
        self.details = details.map(Style2Template.init)
        self.demands = demands.map(Style2Template.init)
        self.groupNoun = groupNoun
        self.caseLines = caseLines.map(Style2Template.init)
        self.caseNarratives = caseNarratives.map(Style2Template.init)
        self.caseComplaints = caseComplaints.map(Style2Template.init)
    }

    /// The group noun without its measure word: 业主, 农民工.
    var people: String { String(groupNoun.dropFirst()) }
}

/// The figures of one region on the dashboard (DashboardBuilder says how each is counted).
public struct DashboardCounts: Sendable, Equatable, Codable {
    /// Matters whose procedure has not ended on the dashboard's day.
    public var openMatters = 0
    /// Repeat petitions received this calendar week (from Monday) and month (from the 1st).
    public var repeatsThisWeek = 0
    public var repeatsThisMonth = 0
    /// Repeats this month whose match fell below the rules' decision level:
    /// the check advised `verify` (疑似重复，请人工核对), and a clerk must confirm them.
    public var verifyThisMonth = 0
    /// Petitions this month to a higher level than their matter had reached.
    public var escalationsThisMonth = 0
    /// Petitions this month raised by five or more people (DOMAIN.md: 集体访).
    public var collectiveThisMonth = 0
    /// Petitions received this month, new and repeat.
    public var petitionsThisMonth = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case openMatters = "open_matters", repeatsThisWeek = "repeats_this_week",
             repeatsThisMonth = "repeats_this_month", verifyThisMonth = "verify_this_month", escalationsThisMonth = "escalations_this_month",
             collectiveThisMonth = "collective_this_month", petitionsThisMonth = "petitions_this_month"
    }

    /// Each figure with its label, in the order the page shows them.
    public var labelled: [(key: String, label: String, value: Int)] {
        [("open_matters", "在办事项", openMatters), ("repeats_this_week", "本周重复信访", repeatsThisWeek),
         ("repeats_this_month", "本月重复信访", repeatsThisMonth), ("verify_this_month", "本月须核对", verifyThisMonth),
         ("escalations_this_month", "本月越级访", escalationsThisMonth),
         ("collective_this_month", "本月集体访", collectiveThisMonth), ("petitions_this_month", "本月信访件", petitionsThisMonth)]
    }
}

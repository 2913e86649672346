/// One right a route needs; ``Role`` says who holds it.
public enum Permission: String, Sendable, CaseIterable {
    /// `POST /v1/check`.
    case check
    /// `POST /v1/check?save=true`.
    case save
    /// `POST /v1/petitions`.
    case upsert
    /// `GET /v1/petitions/{id}`, `/v1/matters/{id}`, `/v1/backlog-cases/{id}`.
    case read
    /// `GET /v1/search`.
    case search
    /// `POST /v1/dedup`, `GET /v1/dedup`.
    case dedup
    /// `?reveal=true`: full ID numbers and phones.
    case reveal
    /// `GET /v1/audit`.
    case audit
    /// `GET /` and `GET /v1/dashboard`: the 挂图作战 dashboard.
    case dashboard
    /// `GET /v1/labels`, `POST /v1/labels`: judging pairs the detector learns from.
    case label

    public var chineseName: String {
        switch self {
        case .check: "受理查重"
        case .save: "查重并保存"
        case .upsert: "导入信访件"
        case .read: "查看信访件、事项与积案"
        case .search: "全文检索"
        case .dedup: "运行夜间查重"
        case .reveal: "查看完整身份证号和电话"
        case .audit: "查看审计记录"
        case .dashboard: "查看挂图作战"
        case .label: "判定信访件对"
        }
    }
}

import PetitionModel

/// The 挂图作战 dashboard as one HTML page: figures, regions to drill into,
/// the weekly trend, backlog cases and class cases. Every figure carries a
/// `data-figure` attribute (and its row a `data-region`, `data-case` or
/// `data-class`), so that a test can hold the page to `GET /v1/dashboard`.
public struct DashboardPage {
    /// Where the page is read: served, with links that drill down and a
    /// sign-out, or written beside the nightly report as a file, with the
    /// whole region tree to unfold in place.
    public enum Mode: Sendable {
        case served(operatorName: String, role: String)
        case file(regions: RegionFigures)
    }

    public let view: DashboardView
    public let mode: Mode
    /// Shown above the figures, as an alert: why the page shows other than what was asked for.
    public var notice: String?
    /// Rows listed at most in the backlog and class tables; the API answers all.
    public static let rowLimit = 300

    public init(view: DashboardView, mode: Mode) {
        self.view = view
        self.mode = mode
    }

    public func html() -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>信访工作挂图作战\(view.path.isEmpty ? "" : " · " + HTMLText.escape(view.path.joined(separator: " ")))</title>
            <style>\(DashboardStyle.css)</style></head><body>
            """
        page += header()
        page += "<main>"
        if let notice { page += "<p class=\"note\" role=\"alert\">\(HTMLText.escape(notice))</p>" }
        page += crumbs()
        page += tiles()
        page += regions()
        page += trend()
        page += backlog()
        page += classes()
        page += "</main>"
        page += footer()
        return page + "</body></html>\n"
    }

    private var served: Bool {
        if case .served = mode { return true }
        return false
    }

    private func header() -> String {
        var meta: [String] = []
        meta.append("数据截至 <span data-figure=\"as_of\">\(HTMLText.escape(view.asOf ?? "—"))</span>")
        if let run = view.runID {
            meta.append("第 <span data-figure=\"run_id\">\(run)</span> 次查重运行" + (view.runFinishedAt.map { "（完成于 \(HTMLText.escape(BeijingTime.display($0)))）" } ?? ""))
        } else {
            meta.append("尚未运行夜间查重")
        }
        var header = "<header><h1>信访工作挂图作战</h1><span class=\"meta\">\(meta.joined(separator: " · "))</span>"
        if case let .served(operatorName, role) = mode {
            header += "<span class=\"meta\">操作员 \(HTMLText.escape(operatorName))（\(HTMLText.escape(role))）</span>"
            header += "<form method=\"post\" action=\"/logout\"><button type=\"submit\">退出</button></form>"
        }
        return header + "</header>"
    }

    private func crumbs() -> String {
        var parts: [String] = []
        var scope = DashboardScope()
        parts.append(link("全部地区", scope: scope, current: view.path.isEmpty))
        for (index, name) in view.path.enumerated() {
            scope = scope.narrowed(to: name)
            parts.append(link(name, scope: scope, current: index == view.path.count - 1))
        }
        return "<nav class=\"crumbs\" data-scope=\"\(HTMLText.escape(view.path.joined(separator: "/")))\">" + parts.joined(separator: " › ") + "</nav>"
    }

    private func link(_ name: String, scope: DashboardScope, current: Bool) -> String {
        guard served, !current else { return "<strong>\(HTMLText.escape(name))</strong>" }
        return "<a class=\"up\" href=\"/\(HTMLText.escape(scope.query))\">\(HTMLText.escape(name))</a>"
    }

    private func tiles() -> String {
        var html = "<section id=\"figures\"><h2>\(HTMLText.escape(view.region.name))<small>\(view.region.level.chineseName)</small></h2><div class=\"tiles\">"
        for figure in view.region.counts.labelled {
            html += "<div class=\"tile\"><span class=\"value\" data-figure=\"\(figure.key)\">\(figure.value)</span><span class=\"label\">\(figure.label)</span></div>"
        }
        html += "<div class=\"tile\"><span class=\"value\" data-figure=\"backlog_cases\">\(view.backlog.count)</span><span class=\"label\">信访积案</span></div>"
        html += "<div class=\"tile\(view.needingReview > 0 ? " alert" : "")\"><span class=\"value\" data-figure=\"needing_review\">\(view.needingReview)</span><span class=\"label\">需滚动式审核</span></div>"
        html += "<div class=\"tile\"><span class=\"value\" data-figure=\"class_cases\">\(view.classes.count)</span><span class=\"label\">待批量化解类案</span></div>"
        return html + "</div></section>"
    }

    private func regions() -> String {
        var html = "<section id=\"regions\">"
        guard !view.region.children.isEmpty else {
            return html + "<h2>地区</h2><p class=\"empty\">本地区以下无更细的地区。</p></section>"
        }
        let below = view.region.children.first?.level.chineseName ?? ""
        html += "<h2>下辖地区<small>按\(below)；点击地区名逐级查看</small></h2><div class=\"split\"><div>"
        html += "<table><thead><tr><th>地区</th>"
        for figure in DashboardCounts().labelled { html += "<th class=\"number\">\(figure.label)</th>" }
        html += "</tr></thead><tbody>"
        for region in view.region.children {
            html += "<tr data-region=\"\(HTMLText.escape(region.name))\"><td>"
            if served {
                let scope = DashboardScope(path: view.path).narrowed(to: region.name)
                html += "<a href=\"/\(HTMLText.escape(scope.query))\">\(HTMLText.escape(region.name))</a>"
            } else {
                html += HTMLText.escape(region.name)
            }
            html += "</td>"
            for figure in region.counts.labelled {
                html += "<td class=\"number\" data-figure=\"\(figure.key)\">\(figure.value)</td>"
            }
            html += "</tr>"
        }
        html += "</tbody></table></div><div>\(RegionChart(regions: view.region.children).svg())</div></div>"
        if case let .file(tree) = mode {
            html += "<h2 class=\"no-print\">逐级展开</h2><div class=\"no-print\">"
            for province in tree.children { html += unfolding(province) }
            html += "</div>"
        }
        return html + "</section>"
    }

    /// A region with its figures, unfolding to the regions below it (the written report has no server to ask).
    private func unfolding(_ region: RegionFigures) -> String {
        let counts = region.counts
        let summary = "\(HTMLText.escape(region.name))：在办 \(counts.openMatters)，本周重复 \(counts.repeatsThisWeek)，本月重复 \(counts.repeatsThisMonth)，本月越级 \(counts.escalationsThisMonth)，本月集体访 \(counts.collectiveThisMonth)"
        guard !region.children.isEmpty else { return "<div>\(summary)</div>" }
        return "<details><summary>\(summary)</summary>" + region.children.map(unfolding).joined() + "</details>"
    }

    private func trend() -> String {
        let weeks = view.region.weekly
        let newTotal = weeks.map(\.newPetitions).reduce(0, +), repeatTotal = weeks.map(\.repeats).reduce(0, +)
        return "<section id=\"trend\"><h2>新信访与重复信访趋势<small>近 \(weeks.count) 周（周一至周日）；合计新信访 \(newTotal) 件、重复信访 \(repeatTotal) 件</small></h2>"
            + TrendChart(weeks: weeks).svg() + "</section>"
    }

    private func backlog() -> String {
        var html = "<section id=\"backlog\"><h2>信访积案<small>领导包案；已化解或停访息诉的积案又有新的重复信访时，标为需滚动式审核</small></h2>"
        guard !view.backlog.isEmpty else { return html + "<p class=\"empty\">本地区无信访积案。</p></section>" }
        html += "<table><thead><tr><th>积案</th><th>标题</th><th>包案领导</th><th>责任单位</th><th>状态</th>"
        html += "<th class=\"number\">立案天数</th><th class=\"number\">关联事项</th><th class=\"number\">信访件</th><th class=\"number\">新增重复</th><th>审核</th></tr></thead><tbody>"
        for item in view.backlog.prefix(Self.rowLimit) {
            html += "<tr data-case=\"\(HTMLText.escape(item.caseID))\"\(item.needsReview ? " class=\"review\"" : "")>"
            html += "<td class=\"id\">\(HTMLText.escape(item.caseID))</td><td>\(HTMLText.escape(item.title))</td>"
            html += "<td>\(HTMLText.escape(item.leader ?? ""))</td><td>\(HTMLText.escape(item.responsibleUnits.joined(separator: "、")))</td>"
            html += "<td><span class=\"badge status\">\(HTMLText.escape(item.status ?? "—"))</span></td>"
            html += "<td class=\"number\" data-figure=\"days_open\">\(item.daysOpen.map(String.init) ?? "")</td>"
            html += "<td class=\"number\" data-figure=\"matters\">\(item.matters)</td>"
            html += "<td class=\"number\" data-figure=\"petitions\">\(item.petitions)</td>"
            html += "<td class=\"number\" data-figure=\"new_repeats\">\(item.newRepeats)</td>"
            html += "<td data-figure=\"needs_review\" data-value=\"\(item.needsReview)\">\(item.needsReview ? "<span class=\"badge review\">需滚动式审核</span>" : "")</td></tr>"
        }
        html += "</tbody></table>"
        if view.backlog.count > Self.rowLimit { html += "<p class=\"note\">仅列前 \(Self.rowLimit) 件（共 \(view.backlog.count) 件）；完整列表见 /v1/dashboard。</p>" }
        return html + "</section>"
    }

    private func classes() -> String {
        var html = "<section id=\"classes\"><h2>待批量化解的类案<small>同一地点、同类问题、不同信访人</small></h2>"
        guard !view.classes.isEmpty else { return html + "<p class=\"empty\">本地区无类案。</p></section>" }
        html += "<table><thead><tr><th>类案</th><th>地点</th><th>问题</th><th>地区</th><th class=\"number\">事项</th>"
        html += "<th class=\"number\">在办事项</th><th class=\"number\">信访件</th><th>关联积案</th></tr></thead><tbody>"
        for item in view.classes.prefix(Self.rowLimit) {
            let region = [item.province, item.city, item.county].compactMap { $0 }.joined()
            html += "<tr data-class=\"\(HTMLText.escape(item.classID))\"><td class=\"id\">\(HTMLText.escape(item.classID))</td>"
            html += "<td>\(HTMLText.escape(item.place))</td><td>\(HTMLText.escape(item.concept))</td><td>\(HTMLText.escape(region))</td>"
            html += "<td class=\"number\" data-figure=\"matters\">\(item.matters)</td>"
            html += "<td class=\"number\" data-figure=\"open_matters\">\(item.openMatters)</td>"
            html += "<td class=\"number\" data-figure=\"petitions\">\(item.petitions)</td>"
            html += "<td>\(HTMLText.escape(item.backlogCaseID ?? ""))</td></tr>"
        }
        html += "</tbody></table>"
        if view.classes.count > Self.rowLimit { html += "<p class=\"note\">仅列前 \(Self.rowLimit) 个（共 \(view.classes.count) 个）；完整列表见 /v1/dashboard。</p>" }
        return html + "</section>"
    }

    private func footer() -> String {
        """
        <footer>口径：在办事项指截至当日办理、复查、复核尚未终结，或已答复但仍在申请下一步期限内的事项（无办理记录的事项自最后一次信访起按办理期限计）；\
        重复信访、越级访与集体访（5 人以上）按信访件所在地区统计；本周自周一起，本月自 1 日起；\
        新增重复指上上次查重运行开始后存入、被认定为重复的信访件。</footer>
        """
    }
}

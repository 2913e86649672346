/// Open matters of the regions below the one shown, as horizontal bars
/// (inline SVG), the largest first.
struct RegionChart {
    let regions: [RegionFigures]
    static let shown = 12
    static let width = 420.0, rowHeight = 20.0, labelWidth = 110.0

    func svg() -> String {
        let rows = Array(regions.prefix(Self.shown))
        let height = Double(max(1, rows.count)) * Self.rowHeight + 10
        let peak = max(1, rows.map(\.counts.openMatters).max() ?? 1)
        let barSpace = Self.width - Self.labelWidth - 50
        var svg = """
            <svg class="chart bars" viewBox="0 0 \(Int(Self.width)) \(Int(height))" role="img" \
            aria-label="下辖地区在办事项" xmlns="http://www.w3.org/2000/svg"><title>下辖地区在办事项</title>
            """
        for (index, region) in rows.enumerated() {
            let y = 5 + Double(index) * Self.rowHeight
            let length = barSpace * Double(region.counts.openMatters) / Double(peak)
            svg += "<text x=\"\(f(Self.labelWidth - 6))\" y=\"\(f(y + 14))\" class=\"axis\" text-anchor=\"end\">\(HTMLText.escape(region.name))</text>"
            svg += "<rect x=\"\(f(Self.labelWidth))\" y=\"\(f(y + 3))\" width=\"\(f(length))\" height=\"\(f(Self.rowHeight - 6))\" fill=\"\(TrendChart.newColour)\"/>"
            svg += "<text x=\"\(f(Self.labelWidth + length + 4))\" y=\"\(f(y + 14))\" class=\"axis\">\(region.counts.openMatters)</text>"
        }
        return svg + "</svg>"
    }
}

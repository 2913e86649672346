/// New and repeat petitions per week as stacked bars, drawn on the server as
/// inline SVG: no script and no network, so the page works offline and prints.
struct TrendChart {
    let weeks: [WeeklyCount]
    static let width = 900.0, height = 240.0
    static let margin = (left: 44.0, right: 12.0, top: 28.0, bottom: 34.0)
    static let newColour = "#3b6ea8", repeatColour = "#d9822b"

    func svg() -> String {
        let plotWidth = Self.width - Self.margin.left - Self.margin.right
        let plotHeight = Self.height - Self.margin.top - Self.margin.bottom
        let peak = max(1, weeks.map { $0.newPetitions + $0.repeats }.max() ?? 1)
        let scale = Scale(peak: peak)
        let slot = plotWidth / Double(max(1, weeks.count))
        var svg = """
            <svg class="chart" viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" role="img" \
            aria-label="每周新信访与重复信访" xmlns="http://www.w3.org/2000/svg">
            <title>每周新信访与重复信访</title>
            """
        for tick in scale.ticks {
            let y = Self.margin.top + plotHeight * (1 - Double(tick) / Double(scale.top))
            svg += "<line x1=\"\(Self.margin.left)\" x2=\"\(Self.width - Self.margin.right)\" y1=\"\(f(y))\" y2=\"\(f(y))\" class=\"grid\"/>"
            svg += "<text x=\"\(Self.margin.left - 6)\" y=\"\(f(y + 4))\" class=\"axis\" text-anchor=\"end\">\(tick)</text>"
        }
        for (index, week) in weeks.enumerated() {
            let x = Self.margin.left + slot * Double(index) + slot * 0.15
            let barWidth = slot * 0.7
            let newHeight = plotHeight * Double(week.newPetitions) / Double(scale.top)
            let repeatHeight = plotHeight * Double(week.repeats) / Double(scale.top)
            let base = Self.margin.top + plotHeight
            svg += "<g data-week=\"\(week.weekStart)\" data-new=\"\(week.newPetitions)\" data-repeats=\"\(week.repeats)\">"
            svg += "<title>\(week.weekStart) 起一周：新信访 \(week.newPetitions) 件，重复信访 \(week.repeats) 件</title>"
            svg += "<rect x=\"\(f(x))\" y=\"\(f(base - newHeight))\" width=\"\(f(barWidth))\" height=\"\(f(newHeight))\" fill=\"\(Self.newColour)\"/>"
            svg += "<rect x=\"\(f(x))\" y=\"\(f(base - newHeight - repeatHeight))\" width=\"\(f(barWidth))\" height=\"\(f(repeatHeight))\" fill=\"\(Self.repeatColour)\"/>"
            svg += "</g>"
            if index % 4 == 0 || index == weeks.count - 1 {
                let label = String(week.weekStart.dropFirst(5))
                svg += "<text x=\"\(f(x + barWidth / 2))\" y=\"\(f(base + 16))\" class=\"axis\" text-anchor=\"middle\">\(label)</text>"
            }
        }
        let legendY = 14.0
        svg += "<rect x=\"\(Self.margin.left)\" y=\"\(legendY - 9)\" width=\"10\" height=\"10\" fill=\"\(Self.newColour)\"/>"
        svg += "<text x=\"\(Self.margin.left + 14)\" y=\"\(legendY)\" class=\"legend\">新信访</text>"
        svg += "<rect x=\"\(Self.margin.left + 70)\" y=\"\(legendY - 9)\" width=\"10\" height=\"10\" fill=\"\(Self.repeatColour)\"/>"
        svg += "<text x=\"\(Self.margin.left + 84)\" y=\"\(legendY)\" class=\"legend\">重复信访</text>"
        return svg + "</svg>"
    }
}

/// A coordinate with one decimal: enough for a screen, short in the page.
func f(_ value: Double) -> String {
    String(Double(Int((value * 10).rounded())) / 10)
}

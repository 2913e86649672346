/// The page on which an official judges the pairs the detector is least sure
/// of, as `petition label` asks at the command line: both petitions side by
/// side (masked by the caller), the detector's probability and reasons, and
/// three buttons. Each answer is one form post, so a page left open half
/// judged keeps what was answered.
public struct LabelPage {
    /// One pair as shown: the texts are already masked.
    public struct Pair: Sendable {
        public var a: String
        public var b: String
        public var probability: Double
        public var reasons: [String]
        public var petitions: [(id: String, receivedAt: String, title: String, content: String)]

        public init(a: String, b: String, probability: Double, reasons: [String],
                    petitions: [(id: String, receivedAt: String, title: String, content: String)]) {
            self.a = a
            self.b = b
            self.probability = probability
            self.reasons = reasons
            self.petitions = petitions
        }
    }

    public var pairs: [Pair]
    public var operatorName: String
    /// What the last answer did, shown above the pairs.
    public var notice: String?

    public init(pairs: [Pair], operatorName: String, notice: String? = nil) {
        self.pairs = pairs
        self.operatorName = operatorName
        self.notice = notice
    }

    public func html() -> String {
        var body = ""
        for (number, pair) in pairs.enumerated() {
            var columns = ""
            for petition in pair.petitions {
                columns += """
                    <div class="petition"><h3>\(HTMLText.escape(petition.id))　\(HTMLText.escape(petition.receivedAt))</h3>
                    <p class="title">\(HTMLText.escape(petition.title))</p><p>\(HTMLText.escape(petition.content))</p></div>
                    """
            }
            let reasons = pair.reasons.isEmpty ? "" : "理由：" + HTMLText.escape(pair.reasons.joined(separator: "；"))
            body += """
                <section class="pair" data-a="\(HTMLText.escape(pair.a))" data-b="\(HTMLText.escape(pair.b))">
                <h2>第 \(number + 1) 对　查重概率 \(String(format: "%.2f", pair.probability))</h2><p class="reasons">\(reasons)</p>
                <div class="columns">\(columns)</div>
                <form method="post" action="/labels">
                <input type="hidden" name="a" value="\(HTMLText.escape(pair.a))"><input type="hidden" name="b" value="\(HTMLText.escape(pair.b))">
                <button name="label" value="same_matter">同一事项</button><button name="label" value="different">不同事项</button>
                <button name="label" value="skip">跳过</button></form></section>
                """
        }
        if pairs.isEmpty { body = "<p>没有待判定的信访件对。</p>" }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>判定信访件对 · 信访工作挂图作战</title><style>\(DashboardStyle.css)
            .pair{border:1px solid #ccc;margin:1em 0;padding:.5em 1em}.columns{display:flex;gap:1em}
            .petition{flex:1}.petition .title{font-weight:bold}.pair button{margin-right:.5em}</style></head><body>
            <header><h1>判定信访件对</h1><p>\(HTMLText.escape(operatorName))　<a href="/">返回挂图作战</a></p>
            <p>查重最没把握的信访件对：请读完两件全文后判定。判定即时保存，记入审计，供 dedup --weights learn 学习。</p></header>
            \(notice.map { "<p class=\"notice\" role=\"status\">\(HTMLText.escape($0))</p>" } ?? "")
            \(body)
            </body></html>

            """
    }
}

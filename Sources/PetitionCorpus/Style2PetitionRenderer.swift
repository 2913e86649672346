// One petition in phrasing style 2. The same matter, event, filers and
// respondent model as style 1 (Petition.swift), but its own layouts: a
// citizen's letter or web message, a demand stated first, a short question, a
// clerk's record, and a form with labelled fields.

/// Renders petitions in phrasing style 2.
struct Style2PetitionRenderer {
    let matters: [Matter]
    let persons: [Person]

    /// How a petition is laid out.
    private enum Layout {
        case letter         // salutation, introduction, story, demands, sign-off
        case demandFirst    // the demand, then 具体情况如下 and the story
        case brief          // a short message: the grievance and a demand
        case record         // a clerk's record of a visit, call, letter or message
        case form           // labelled fields: 反映人 / 住址 / 反映事项 / 诉求, or a 投诉书
    }

    func render(_ ev: Event) -> Rendered {
        let mt = matters[Int(ev.matter)]
        // A stream of its own, so that style 2's choices do not echo style 1's. The matter index is mixed in
        // because matters that copy another's specifics share its seeds.
        let seed = mt.ownSeed ^ (UInt64(ev.matter) &* 0x9E6C_63D0_676A_9A99) ^ 0x5354_594C_4532
        var c = Ctx(mt, RNG(seed, UInt64(ev.k) &+ 7000, mt.sharedSeed))
        c.recv = Int(ev.date)
        c.prev = Int(ev.prev)
        c.first = Int(ev.first)
        c.level = Int(ev.level)
        selectFilers(of: mt, at: ev, persons: persons, into: &c)
        c.channel = c.r.weighted(channelWeights[c.level])
        c.respondent = selectRespondent(&c)

        let group = c.headcount > 1 && mt.nPersons > 1
        let citizenShare = [0.7, 0.15, 0.85, 0.1][c.channel]
        let citizen = c.r.chance(citizenShare)
        let voice: Style2Voice = citizen ? (group ? .citizenGroup : .citizen) : (group ? .clerkGroup : .clerk)

        // how the text names the petitioner: citizens sign with their name, clerks often mask it
        let ns = c.r.unit()
        c.nameStyle = citizen ? (ns < 0.8 ? 0 : 1) : (ns < 0.45 ? 0 : (ns < 0.8 ? 2 : 1))
        var w = Style2Writer(c, voice: voice)
        w.nameInText = namesInText(&w, group: group)
        if group {
            w.hc = style2Headcount(w.c.headcount, &w.c.r)
            w.crowd = w.hc + w.phrasing.groupNoun
        }
        var order = Array(w.phrasing.demands.indices)
        w.c.r.shuffle(&order)
        w.demands = order.map { w.text(w.phrasing.demands[$0]) }

        let layout = chooseLayout(&w)
        var content = compose(layout, &w, ev: ev)

        // title
        var title: String
        let t = w.c.r.unit()
        if layout == .brief && t < 0.5 {
            let questions = w.phrasing.titles.filter { t in
                if case .text(let s)? = t.pieces.last { return s.hasSuffix("？") }
                return false
            }
            title = w.pickText(questions.isEmpty ? w.phrasing.titles : questions)
        } else if t < 0.62 {
            title = w.pickText(w.phrasing.titles)
        } else if t < 0.9 {
            title = w.pickText(style2GenericTitles)
        } else {
            title = w.pickText(w.phrasing.topics)
        }

        // slips
        if w.c.r.chance(0.06) {
            // the petitioner (or the clerk) has the place's name wrong, the same way throughout
            for name in [w.c.place(w.c.pr.kind), w.text(Style2Template("{place}"))] where fastContains(content, name) {
                if let wrong = transposedName(name, &w.c.r) {
                    content = fastReplace(content, name, wrong)
                    title = fastReplace(title, name, wrong)
                }
                break
            }
        }
        if w.c.r.chance(0.1) { content = applyStyle2Typo(content, &w.c.r) }
        if voice.isCitizen && w.c.r.chance(0.07) { content = withHalfWidthPunctuation(content) }
        if voice.isCitizen && w.c.r.chance(0.1) {
            if let x = replaceFirst(content, "！", "！！！") { content = x } else if content.hasSuffix("。") {
                content = String(content.dropLast()) + "！！"
            }
        }

        var out = Rendered()
        out.headcount = w.c.headcount
        out.channel = w.c.channel
        out.respondent = w.c.respondent
        out.names = registeredPetitioners(&w.c)
        let trad = w.c.r.chance(0.13)
        if trad {
            title = toTraditional(title)
            content = toTraditional(content)
            out.respondent = toTraditional(out.respondent)
            out.names = out.names.map { (toTraditional($0.name), $0.id, $0.phone) }
        }
        if w.c.r.chance(0.13) {
            title = toFullWidthDigits(title)
            content = toFullWidthDigits(content)
        }
        out.trad = trad
        out.title = title
        out.content = content
        return out
    }

    /// The petitioner(s) as the text names them: a citizen gives the name, a clerk may mask it, a group
    /// lists one to three representatives.
    private func namesInText(_ w: inout Style2Writer, group: Bool) -> String {
        let style = w.c.nameStyle
        var s = w.c.personName(w.c.reps[0], style)
        if group && w.c.reps.count > 1 && w.c.r.chance(0.6) {
            for p in w.c.reps.dropFirst() { s += "、" + w.c.personName(p, style) }
        } else if !group && w.c.reps.count > 1 && w.c.r.chance(0.5) {
            s += "和" + (w.c.reps[0].male ? "妻子" : "丈夫") + w.c.personName(w.c.reps[1], style)
        }
        return s
    }

    private func chooseLayout(_ w: inout Style2Writer) -> Layout {
        let u = w.c.r.unit()
        let written = w.c.channel == 0 || w.c.channel == 2
        if w.voice.isCitizen {
            if written && u < 0.1 { return .form }
            if u < 0.3 { return .brief }
            if u < 0.5 { return .demandFirst }
            return .letter
        }
        if written && u < 0.15 { return .form }
        if u < 0.25 { return .brief }
        return .record
    }

    /// The story: background, grievance and details in one of several orders.
    private func story(_ w: inout Style2Writer, details nDetails: Int) -> [String] {
        let p = w.phrasing
        let background = w.pickText(p.background)
        let grievance = w.pickText(p.grievance)
        var pool = Array(p.details.indices)
        w.c.r.shuffle(&pool)
        let details = pool.prefix(nDetails).map { w.text(p.details[$0]) }
        switch w.c.r.int(4) {
        case 0:
            // the grievance first, then how it came about
            return [grievance, w.c.r.pick(["事情是这样的：", "具体情况是：", "说起来话长，", ""]), background] + details
        case 1 where !details.isEmpty:
            return [background, details[0], grievance] + details.dropFirst()
        default:
            return [background, grievance] + details
        }
    }

    /// Earlier filings, escalation and a backlog case, as far as this petition knows of them.
    private func history(_ w: inout Style2Writer, ev: Event) -> [String] {
        var out: [String] = []
        if ev.k > 0 && w.c.r.chance(0.65) { out.append(w.pickText(style2Histories)) }
        if w.c.level >= 2 && w.c.r.chance(0.45) { out.append(w.pickText(style2Escalations)) }
        if w.c.mt.backlog >= 0 && ev.k >= 2 && w.c.r.chance(0.25) { out.append(w.pickText(style2BacklogMentions)) }
        return out
    }

    private func demandSentence(_ w: inout Style2Writer) -> String {
        w.c.r.chance(0.35) && w.demands.count > 1 ? w.pickText(style2DoubleDemandFrames) : w.pickText(style2SingleDemandFrames)
    }

    private func feelings(_ w: inout Style2Writer, upTo n: Int) -> [String] {
        var pool = Array(style2Feelings.indices)
        w.c.r.shuffle(&pool)
        return pool.prefix(w.c.r.int(n + 1)).map { w.text(style2Feelings[$0]) }
    }

    private func compose(_ layout: Layout, _ w: inout Style2Writer, ev: Event) -> String {
        let phone = w.c.channel == 3
        let nDetails = phone ? w.c.r.int(2) : w.c.r.weighted([0.25, 0.4, 0.25, 0.1])
        var parts: [String] = []
        switch layout {
        case .letter:
            if w.c.r.chance(0.7) { parts.append(w.pickText(style2Salutations)) }
            if w.voice.isGroup {
                if w.c.r.chance(0.85) { parts.append(w.pickText(style2GroupIntros)) }
            } else if w.c.r.chance(0.6) {
                parts.append(w.pickText(style2SelfIntros))
            }
            parts += story(&w, details: nDetails)
            parts += history(&w, ev: ev)
            parts += feelings(&w, upTo: 2)
            parts.append(demandSentence(&w))
            if w.c.r.chance(0.6) { parts.append(w.pickText(style2SignOffs)) }
        case .demandFirst:
            if w.c.r.chance(0.4) { parts.append(w.pickText(style2Salutations)) }
            parts.append(demandSentence(&w))
            parts.append(w.c.r.pick(["具体情况如下：", "情况是这样的：", "事情经过：", "理由如下："]))
            parts += story(&w, details: nDetails)
            parts += history(&w, ev: ev)
            parts += feelings(&w, upTo: 1)
            if w.c.r.chance(0.5) { parts.append(w.pickText(style2SignOffs)) }
        case .brief:
            parts.append(w.pickText(w.phrasing.grievance))
            parts += history(&w, ev: ev).prefix(1)
            parts.append(demandSentence(&w))
        case .record:
            if w.voice.isGroup {
                parts.append(w.pickText(style2ClerkGroupOpeners))
            } else {
                parts.append(w.pickText(style2ClerkOpeners[w.c.channel]))
            }
            parts += story(&w, details: nDetails)
            parts += history(&w, ev: ev)
            parts += feelings(&w, upTo: 1)
            parts.append(w.c.r.chance(0.5) ? "诉求：" + w.demands[0] + "。" : demandSentence(&w))
            if w.c.r.chance(0.35) { parts.append(w.pickText(style2ClerkNotes)) }
        case .form:
            parts += formFields(&w, ev: ev, details: nDetails)
        }
        // a clerk's 其 takes no 的 (其证据, not 其的证据)
        var content = fastReplace(parts.joined(), "其的", "其")
        // a message too short to act on gets one more fact
        if content.unicodeScalars.count < 45, let d = w.phrasing.details.first {
            content += w.text(d)
        }
        return content
    }

    /// A petition with labelled fields, as citizens copy them from a model letter.
    private func formFields(_ w: inout Style2Writer, ev: Event, details: Int) -> [String] {
        let enumerated = w.demands.prefix(2).enumerated().map { "\($0.offset + 1).\($0.element)" }.joined(separator: "；")
        // a 投诉书 is the citizen's own document; a clerk fills in the fields of a register
        if !w.voice.isCitizen || w.c.r.chance(0.5) {
            var parts = [w.text(Style2Template("反映人：{name}；联系电话：{phone}；住址：{home}。反映事项："))]
            parts += story(&w, details: details)
            parts += history(&w, ev: ev)
            parts.append("诉求：" + enumerated + "。")
            return parts
        }
        let against = w.c.respondent.isEmpty ? w.c.place(w.c.pr.kind) : w.c.respondent
        var parts = ["投诉书 投诉人：" + w.nameInText + "（" + w.text(Style2Template("{home}")) + "） 被投诉单位：" + against
                     + " 投诉事项：" + w.pickText(w.phrasing.grievance) + " 事实与理由：" + w.pickText(w.phrasing.background)]
        var pool = Array(w.phrasing.details.indices)
        w.c.r.shuffle(&pool)
        parts += pool.prefix(details).map { w.text(w.phrasing.details[$0]) }
        parts += history(&w, ev: ev)
        parts.append(" 请求事项：" + enumerated + "。")
        return parts
    }
}

// Template language and text variation: synonyms, Traditional characters,
// full-width digits, number and date formats, typos.
//
// A template is literal text with
//   {key}        a fact of the matter or petition (see Fact), or {~word}: a synonym group
//   [a|b|c]      one alternative, chosen per rendering (alternatives may hold {key})

enum Fact: String, Sendable {
    case name, who, whose, place, addr, room, dev, pm, boss, amount, amount2, area, date, date2, year, nyears,
         nmonths, county, city, province, town, village, road, hosp, school, court, caseno, n, resp, prev, first,
         project, temp, company, unit, price, idnum, phone, age, sex, contract, pcount, leader, units,
         hc, verb, noun, prevlevel, req, pname
}

indirect enum Seg: Sendable {
    case lit(String)
    case fact(Fact)
    case syn(Int)
    case alt([[Seg]])
}

typealias Template = [Seg]

let synonymTable: [(String, [String])] = [
    ("房产证", ["房产证", "不动产权证", "产权证", "房本", "不动产权证书", "房屋产权证"]),
    ("拖欠工资", ["拖欠工资", "欠薪", "拖欠薪资", "拖欠劳动报酬", "拖欠工钱"]),
    ("工资", ["工资", "工钱", "薪水", "劳务费", "工资款"]),
    ("讨薪", ["讨薪", "讨要工资", "追讨欠款", "要工钱"]),
    ("拆迁", ["拆迁", "征收", "征迁", "拆迁征收"]),
    ("补偿款", ["补偿款", "补偿金", "补偿费", "安置补偿款", "拆迁款"]),
    ("开发商", ["开发商", "开发公司", "房地产公司", "开发企业", "房企"]),
    ("物业", ["物业", "物业公司", "物业服务企业", "物业管理公司"]),
    ("至今", ["至今", "到现在", "截至目前", "迄今", "到目前"]),
    ("多次", ["多次", "反复", "屡次", "三番五次", "多次去"]),
    ("解决", ["解决", "处理", "落实", "解决处理"]),
    ("有关部门", ["有关部门", "相关部门", "主管部门", "职能部门", "政府部门"]),
    ("老板", ["老板", "负责人", "包工头", "项目经理", "法人"]),
    ("养老保险", ["养老保险", "社会养老保险", "养老金", "社保", "基本养老保险"]),
    ("村干部", ["村干部", "村委会", "村两委", "村支书", "村主任"]),
    ("噪音", ["噪音", "噪声", "响声"]),
    ("污染", ["污染", "排污", "污染环境"]),
    ("业主", ["业主", "住户", "居民", "购房户"]),
    ("交房", ["交房", "交付使用", "入住", "交付"]),
    ("征地", ["征地", "征用土地", "占地", "征收土地"]),
    ("安置房", ["安置房", "回迁房", "还建房", "安置楼"]),
    ("承包地", ["承包地", "责任田", "口粮田", "承包土地"]),
    ("低保", ["低保", "最低生活保障", "低保金", "低保待遇"]),
    ("暖气", ["暖气", "供暖", "集中供热", "供热"]),
    ("违建", ["违建", "违章建筑", "违法建设", "私搭乱建"]),
    ("判决", ["判决", "判决书", "生效判决", "法院判决"]),
    ("赔偿", ["赔偿", "赔偿款", "赔偿金", "经济赔偿"]),
    ("执行", ["执行", "强制执行"]),
    ("退伍", ["退伍", "退役", "复员"]),
    ("反映", ["反映", "反映称", "诉称", "称", "反映说"]),
    ("要求", ["要求", "请求", "恳请", "希望", "强烈要求"]),
    ("手术", ["手术", "治疗", "诊治"]),
    ("学费", ["费用", "补课费", "资料费", "赞助费"]),
    ("房子", ["房子", "房屋", "住房", "楼房"]),
    ("裂缝", ["裂缝", "开裂", "裂纹"]),
    ("漏水", ["漏水", "渗水", "渗漏"]),
]

let synonymIndex: [String: Int] = {
    var d: [String: Int] = [:]
    for (i, e) in synonymTable.enumerated() { d[e.0] = i }
    return d
}()

func parseTemplate(_ s: String) -> Template {
    var out: [Seg] = []
    var lit = ""
    var chars = Array(s)
    var i = 0
    func flush() {
        if !lit.isEmpty { out.append(.lit(lit)); lit = "" }
    }
    while i < chars.count {
        let c = chars[i]
        if c == "{" {
            flush()
            var j = i + 1
            var key = ""
            while chars[j] != "}" { key.append(chars[j]); j += 1 }
            if key.hasPrefix("~") {
                let w = String(key.dropFirst())
                guard let k = synonymIndex[w] else { fatalError("unknown synonym group \(w) in \(s)") }
                out.append(.syn(k))
            } else {
                guard let f = Fact(rawValue: key) else { fatalError("unknown fact \(key) in \(s)") }
                out.append(.fact(f))
            }
            i = j + 1
        } else if c == "[" {
            flush()
            var j = i + 1
            var depth = 0
            var parts: [String] = []
            var cur = ""
            while !(chars[j] == "]" && depth == 0) {
                if chars[j] == "{" { depth += 1 }
                if chars[j] == "}" { depth -= 1 }
                if chars[j] == "|" && depth == 0 { parts.append(cur); cur = "" } else { cur.append(chars[j]) }
                j += 1
            }
            parts.append(cur)
            out.append(.alt(parts.map(parseTemplate)))
            i = j + 1
        } else {
            lit.append(c)
            i += 1
        }
    }
    flush()
    chars.removeAll()
    return out
}

// MARK: - Numbers and dates

private let cnDigits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
private let cnSmall = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

/// Chinese numeral for 0..<100_000_000 (e.g. 38000 -> 三万八千).
func chineseNumber(_ n: Int) -> String {
    if n == 0 { return "零" }
    func below10k(_ x: Int, _ leadingZero: Bool) -> String {
        var s = ""
        let units = ["千", "百", "十", ""]
        let ds = [x / 1000, (x / 100) % 10, (x / 10) % 10, x % 10]
        var zero = leadingZero
        var started = false
        for (i, d) in ds.enumerated() {
            if d == 0 {
                if started { zero = true }
                continue
            }
            if zero && (started || leadingZero) { s += "零" }
            zero = false
            if !(i == 2 && d == 1 && !started && !leadingZero) { s += cnSmall[d] }
            s += units[i]
            started = true
        }
        return s
    }
    if n < 10000 { return below10k(n, false) }
    let hi = n / 10000, lo = n % 10000
    var s = below10k(hi, false) + "万"
    if lo > 0 { s += below10k(lo, lo < 1000) }
    return s
}

func chineseYear(_ y: Int) -> String {
    var s = ""
    for b in String(y).utf8 { s += cnDigits[Int(b - 48)] }
    return s
}

func chineseMonth(_ m: Int) -> String { m == 10 ? "十" : (m > 10 ? "十" + cnSmall[m - 10] : cnSmall[m]) }

func chineseDay(_ d: Int) -> String {
    if d < 10 { return cnSmall[d] }
    if d == 10 { return "十" }
    if d < 20 { return "十" + cnSmall[d - 10] }
    return cnSmall[d / 10] + "十" + (d % 10 == 0 ? "" : cnSmall[d % 10])
}

func groupThousands(_ n: Int) -> String {
    let s = String(n)
    if s.count <= 3 { return s }
    var out = ""
    for (i, c) in s.enumerated() {
        if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
    }
    return out
}

func formatAmount(_ n: Int, _ r: inout RNG) -> String {
    let k = r.int(10)
    switch k {
    case 0, 1, 2: return "\(n)元"
    case 3, 4: return groupThousands(n) + "元"
    case 5, 6:
        if n >= 10000 && n % 100 == 0 {
            let w = n / 10000, rest = (n % 10000) / 100
            var s = String(w)
            if rest > 0 {
                var frac = pad(rest, 2)
                if frac.hasSuffix("0") { frac.removeLast() }
                s += "." + frac
            }
            return s + (r.chance(0.3) ? "万余元" : "万元")
        }
        return "\(n)元"
    case 7: return n < 100_000_000 ? chineseNumber(n) + "元" : "\(n)元"
    case 8: return "人民币\(n)元"
    default: return "\(n)余元"
    }
}

func formatArea(_ tenths: Int, _ r: inout RNG) -> String {
    if tenths % 10 == 0 {
        return r.chance(0.25) ? chineseNumber(tenths / 10) + "亩" : "\(tenths / 10)亩"
    }
    return "\(tenths / 10).\(tenths % 10)亩"
}

/// A fact date at month precision (day optional).
func formatDate(_ y: Int, _ m: Int, _ d: Int, _ r: inout RNG) -> String {
    switch r.int(12) {
    case 0, 1, 2: return "\(y)年\(m)月"
    case 3: return "\(y).\(m)"
    case 4: return chineseYear(y) + "年" + chineseMonth(m) + "月"
    case 5: return "\(y)-\(pad(m, 2))"
    case 6, 7: return "\(y)年\(m)月\(d)日"
    case 8: return "\(y)年\(m)月份"
    case 9: return "\(y % 100)年\(m)月"
    case 10: return "\(y)年"
    default: return "\(y).\(pad(m, 2)).\(pad(d, 2))"
    }
}

/// A petition's own date (received or earlier filing), precise to the day.
func formatDay(_ days: Int, _ r: inout RNG) -> String {
    let c = civilFromDays(days)
    switch r.int(8) {
    case 0, 1, 2: return "\(c.y)年\(c.m)月\(c.d)日"
    case 3: return "\(c.y)年\(c.m)月"
    case 4: return "\(c.y).\(c.m).\(c.d)"
    case 5: return chineseYear(c.y) + "年" + chineseMonth(c.m) + "月" + chineseDay(c.d) + "日"
    case 6: return "\(c.y)-\(pad(c.m, 2))-\(pad(c.d, 2))"
    default: return "\(c.y)年\(c.m)月份"
    }
}

func formatPhone(_ p: UInt64, _ r: inout RNG) -> String {
    let s = String(p)
    let a = String(s.prefix(3)), b = String(s.dropFirst(3).prefix(4)), c = String(s.suffix(4))
    switch r.int(10) {
    case 0, 1, 2, 3, 4: return s
    case 5, 6: return a + "-" + b + "-" + c
    case 7: return a + " " + b + " " + c
    case 8: return "+86 " + a + " " + b + " " + c
    default: return "+86" + s
    }
}

// MARK: - Traditional characters and full-width digits

private let tradPairs = """
访訪资資补補偿償产產证證区區东東买買卖賣门門号號楼樓单單为為与與来來时時个個们們说說请請关關题題决決问問发發开開书書长長这這过過\
还還进進对對会會后後国國场場机機应應义義见見认認处處务務导導实實经經办辦计計价價钱錢银銀万萬岁歲医醫学學费費业業农農权權积積\
龙龍阳陽华華动動员員劳勞险險无無从從给給让讓没沒样樣现現种種头頭电電话話网網项項设設建建拆拆迁遷征徵补補赔賠额額欠欠户戶\
镇鎮乡鄉县縣市市车車辆輛马馬鸟鳥鱼魚齐齊变變边邊达達运運远遠连連选選递遞适適错錯铁鐵钢鋼张張刘劉陈陳杨楊赵趙黄黃吴吳孙孫\
郑鄭谢謝韩韓冯馮邓鄧许許沈沈曾曾吕呂苏蘇卢盧蒋蔣蔡蔡贾賈丁丁魏魏薛薛叶葉阎閻潘潘杜杜戴戴夏夏钟鍾汪汪田田任任姜姜范范\
纠糾纷紛质質题題环環护護卫衛健健检檢查查监監执執庭庭审審诉訴讼訟书書约約签簽订訂调調协協议議续續缴繳纳納领領导導组組织織\
职職工工资資协協商商职職称稱岗崗单單园園苑苑馆館厅廳宾賓层層梯梯间間墙牆损損坏壞温溫热熱气氣烟煙尘塵废廢污汙染染厂廠\
矿礦庄莊营營寨寨屯屯归歸还還亲親戚戚邻鄰里裡面面积積测測绘繪规規划劃统統筹籌级級别別维維稳穩闹鬧态態恶惡难難贫貧困困\
残殘疾疾儿兒孙孫爷爺奶奶妈媽爸爸爱愛乐樂听聽说說讲講谈談论論该該际際纪紀录錄档檔案案卷卷报報复復询詢谓謂贵貴贷貸款款\
账賬帐帳结結算算欠欠条條据據凭憑证證认認定定罚罰没沒赃贓财財产產储儲蓄蓄两兩满滿丰豐盖蓋厕廁划劃况況净淨减減凤鳳刚剛\
则則刹剎剂劑剑劍剧劇励勵劝勸势勢区區协協单單卖賣卢盧卫衛却卻厅廳厉厲压壓县縣叠疊变變叶葉号號叹嘆听聽启啟员員团團园園围圍\
图圖坚堅块塊坟墳执執场場坝壩垃垃圾圾声聲处處备備复復够夠头頭夹夾夺奪奋奮妇婦妈媽娱娛孙孫宁寧宝寶实實审審宪憲宽寬宾賓对對\
寻尋导導尽盡层層属屬岁歲岛島岭嶺峡峽币幣师師帮幫带帶广廣庄莊库庫应應庙廟废廢开開异異弃棄张張弯彎弹彈归歸录錄彻徹忆憶\
忧憂怀懷态態总總恋戀恳懇恼惱悬懸惊驚惧懼惨慘惯慣愿願戏戲战戰户戶扑撲扩擴扫掃扬揚扰擾抚撫抢搶护護报報担擔拟擬拥擁拦攔\
择擇挂掛挡擋挤擠挥揮捞撈损損换換据據掳擄掷擲揽攬搀攙摄攝摆擺摇搖摊攤撑撐数數斋齋断斷无無旧舊时時旷曠显顯晒曬晓曉暂暫\
术術杀殺杂雜权權条條来來杨楊极極构構枪槍枣棗柜櫃标標栋棟栏欄树樹样樣档檔桥橋梦夢检檢楼樓榄欖横橫欢歡欧歐毁毀毕畢\
气氣汇匯汉漢汤湯沟溝泪淚泽澤洁潔浅淺测測济濟浏瀏浑渾浓濃涂塗涛濤润潤涨漲渊淵渐漸渔漁温溫湾灣湿濕满滿滚滾灭滅灯燈灵靈\
灾災炉爐点點炼煉烂爛烦煩烧燒热熱爱愛爷爺牵牽犹猶独獨狱獄猎獵玛瑪环環现現琐瑣电電画畫畅暢疗療疯瘋痒癢瘫癱盐鹽盘盤\
盖蓋监監着著矶磯矿礦码碼砖磚础礎确確礼禮祸禍离離种種积積称稱秽穢税稅稳穩穷窮窍竅竞競笔筆笋筍篮籃类類粮糧紧緊红紅约約\
级級纪紀纯純纲綱纳納纸紙线線练練组組细細织織终終经經绑綁结結绕繞绘繪给給络絡绝絕统統继繼绩績续續维維绵綿综綜绿綠缓緩\
编編缘緣缝縫缩縮罗羅罚罰职職联聯肃肅肠腸肤膚肿腫胀脹胁脅胜勝脑腦脚腳脸臉腊臘舍捨舰艦艺藝节節芦蘆苍蒼苹蘋荐薦荣榮\
药藥获獲莱萊营營萧蕭萨薩蓝藍虑慮虽雖虾蝦蚀蝕蚁蟻补補衬襯装裝见見观觀规規视視览覽觉覺誉譽计計订訂认認讨討让讓训訓议議\
讯訊记記讲講许許论論设設访訪证證评評识識诈詐诉訴词詞译譯试試诗詩诚誠话話诞誕询詢该該详詳语語误誤说說请請诸諸读讀课課\
谁誰调調谅諒谈談谊誼谋謀谎謊谓謂谢謝谣謠谱譜贝貝负負贡貢财財责責败敗账賬货貨质質贩販贪貪贫貧购購贯貫贵貴贷貸贺賀资資\
赋賦赌賭赏賞赔賠赖賴赚賺赛賽赠贈赵趙趋趨跃躍践踐踪蹤轨軌转轉轮輪软軟轻輕载載较較辅輔辈輩辉輝输輸辖轄边邊辽遼达達迁遷\
过過迈邁运運还還这這进進远遠违違连連迟遲适適选選逊遜递遞逻邏遗遺邮郵邻鄰酱醬释釋钉釘钟鐘钢鋼钥鑰钱錢铁鐵铃鈴铜銅\
铺鋪链鏈销銷锁鎖锅鍋错錯锦錦键鍵镇鎮长長门門闭閉问問闯闖闲閒间間闹鬧闻聞阀閥阁閣阅閱队隊阳陽阴陰阶階际際陆陸陈陳\
陕陝险險随隨隐隱难難雏雛鸡雞离離雾霧静靜韩韓页頁顶頂项項顺順须須顾顧顿頓预預领領频頻题題颜顏额額风風飞飛饭飯饮飲饱飽\
馆館驱驅驶駛贸貿鉴鑒亩畝胆膽尝嘗厌厭吨噸驻駐验驗骗騙骂罵鲁魯鸣鳴鸭鴨齿齒龄齡
"""

let tradMap: [UInt32: Unicode.Scalar] = {
    var d: [UInt32: Unicode.Scalar] = [:]
    let scalars = Array(tradPairs.unicodeScalars.filter { $0.value > 0x2000 })
    var i = 0
    while i + 1 < scalars.count {
        let s = scalars[i], t = scalars[i + 1]
        if s != t && d[s.value] == nil { d[s.value] = t }
        i += 2
    }
    return d
}()

func toTraditional(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars {
        if u.value >= 0x4E00, let t = tradMap[u.value] { out.append(t) } else { out.append(u) }
    }
    return String(out)
}

func toFullWidthDigits(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for u in s.unicodeScalars {
        if u.value >= 48 && u.value <= 57 {
            out.append(Unicode.Scalar(u.value - 48 + 0xFF10)!)
        } else {
            out.append(u)
        }
    }
    return String(out)
}

/// Wrong characters clerks type with a pinyin input method (homophones).
let typoPairs: [(String, String)] = [
    ("反映", "反应"), ("已经", "以经"), ("账", "帐"), ("拖欠", "托欠"), ("补偿", "补尝"), ("办理", "办里"),
    ("答复", "答付"), ("协调", "协掉"), ("截至", "截止"), ("再次", "在次"), ("工资", "工姿"), ("物业", "物叶"),
    ("至今", "至金"), ("部门", "布门"), ("按照", "安照"), ("要求", "要球"), ("负责", "付责"), ("问题", "问提"),
]

// MARK: - Fast byte-level search (Foundation's String search is slow here)

/// Offset of the first occurrence of `needle` in `hay` (UTF-8 bytes), or nil.
func byteFind(_ hay: [UInt8], _ needle: [UInt8]) -> Int? {
    let n = needle.count, h = hay.count
    if n == 0 || n > h { return nil }
    let first = needle[0]
    var i = 0
    while i <= h - n {
        if hay[i] == first {
            var j = 1
            while j < n && hay[i + j] == needle[j] { j += 1 }
            if j == n { return i }
        }
        i += 1
    }
    return nil
}

func fastContains(_ hay: String, _ needle: String) -> Bool {
    byteFind(Array(hay.utf8), Array(needle.utf8)) != nil
}

/// Replaces every occurrence of `a` by `b`.
func fastReplace(_ s: String, _ a: String, _ b: String) -> String {
    let hay = Array(s.utf8), na = Array(a.utf8), nb = Array(b.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(hay.count)
    var i = 0
    let n = na.count
    while i < hay.count {
        if i + n <= hay.count && hay[i] == na[0] {
            var j = 1
            while j < n && hay[i + j] == na[j] { j += 1 }
            if j == n { out.append(contentsOf: nb); i += n; continue }
        }
        out.append(hay[i])
        i += 1
    }
    return String(decoding: out, as: UTF8.self)
}

/// Replaces the first occurrence of `a` by `b`; nil when `a` does not occur.
func replaceFirst(_ s: String, _ a: String, _ b: String) -> String? {
    let hay = Array(s.utf8)
    guard let i = byteFind(hay, Array(a.utf8)) else { return nil }
    var out = Array(hay[0..<i])
    out.append(contentsOf: Array(b.utf8))
    out.append(contentsOf: hay[(i + a.utf8.count)...])
    return String(decoding: out, as: UTF8.self)
}

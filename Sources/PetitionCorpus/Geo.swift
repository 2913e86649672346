// Geography, place names and people.

struct County: Sendable {
    let province: String
    let provinceAbbr: String
    let city: String
    let cityShort: String
    let name: String
    let code: String
    let codeNumber: Int
    /// 区 / 县 / 市 — used for the leader's title and the government's name.
    let suffix: String
    let index: Int
}

private let geoTable: [(String, String, [(String, [(String, Int)])])] = [
    ("山东省", "鲁", [
        ("济南市", [("历下区", 370102), ("市中区", 370103), ("槐荫区", 370104), ("历城区", 370112)]),
        ("青岛市", [("市南区", 370202), ("市北区", 370203), ("黄岛区", 370211), ("崂山区", 370212)]),
        ("淄博市", [("淄川区", 370302), ("张店区", 370303), ("博山区", 370304), ("临淄区", 370305)]),
        ("烟台市", [("芝罘区", 370602), ("福山区", 370611), ("牟平区", 370612), ("莱山区", 370613)]),
    ]),
    ("河南省", "豫", [
        ("郑州市", [("中原区", 410102), ("二七区", 410103), ("管城回族区", 410104), ("金水区", 410105)]),
        ("开封市", [("龙亭区", 410202), ("顺河回族区", 410203), ("鼓楼区", 410204), ("禹王台区", 410205)]),
        ("洛阳市", [("老城区", 410302), ("西工区", 410303), ("瀍河回族区", 410304), ("涧西区", 410305)]),
        ("新乡市", [("红旗区", 410702), ("卫滨区", 410703), ("凤泉区", 410704), ("牧野区", 410711)]),
    ]),
    ("江苏省", "苏", [
        ("南京市", [("玄武区", 320102), ("秦淮区", 320104), ("建邺区", 320105), ("鼓楼区", 320106)]),
        ("无锡市", [("锡山区", 320205), ("惠山区", 320206), ("滨湖区", 320211), ("梁溪区", 320213)]),
        ("徐州市", [("鼓楼区", 320302), ("云龙区", 320303), ("贾汪区", 320305), ("泉山区", 320311)]),
        ("苏州市", [("虎丘区", 320505), ("吴中区", 320506), ("相城区", 320507), ("姑苏区", 320508)]),
    ]),
    ("广东省", "粤", [
        ("广州市", [("荔湾区", 440103), ("越秀区", 440104), ("海珠区", 440105), ("天河区", 440106)]),
        ("深圳市", [("罗湖区", 440303), ("福田区", 440304), ("南山区", 440305), ("宝安区", 440306)]),
        ("汕头市", [("龙湖区", 440507), ("金平区", 440511), ("濠江区", 440512), ("潮阳区", 440513)]),
        ("佛山市", [("禅城区", 440604), ("南海区", 440605), ("顺德区", 440606), ("三水区", 440607)]),
    ]),
    ("河北省", "冀", [
        ("石家庄市", [("长安区", 130102), ("桥西区", 130104), ("新华区", 130105), ("裕华区", 130108)]),
        ("唐山市", [("路南区", 130202), ("路北区", 130203), ("古冶区", 130204), ("开平区", 130205)]),
        ("邯郸市", [("邯山区", 130402), ("丛台区", 130403), ("复兴区", 130404), ("峰峰矿区", 130406)]),
        ("保定市", [("竞秀区", 130602), ("莲池区", 130606), ("满城区", 130607), ("清苑区", 130608)]),
    ]),
    ("四川省", "川", [
        ("成都市", [("锦江区", 510104), ("青羊区", 510105), ("金牛区", 510106), ("武侯区", 510107)]),
        ("德阳市", [("旌阳区", 510603), ("罗江区", 510604), ("广汉市", 510681), ("什邡市", 510682)]),
        ("绵阳市", [("涪城区", 510703), ("游仙区", 510704), ("安州区", 510705), ("江油市", 510781)]),
        ("南充市", [("顺庆区", 511302), ("高坪区", 511303), ("嘉陵区", 511304), ("南部县", 511321)]),
    ]),
]

let counties: [County] = {
    var out: [County] = []
    for (prov, abbr, cities) in geoTable {
        for (city, cs) in cities {
            for (name, code) in cs {
                let suffix = String(name.last!)
                var short = city
                short.removeLast()
                out.append(County(province: prov, provinceAbbr: abbr, city: city, cityShort: short, name: name,
                                  code: String(code), codeNumber: code, suffix: suffix, index: out.count))
            }
        }
    }
    return out
}()

// MARK: - Syllable tables

private let estateA = ["阳光", "金色", "翠湖", "锦绣", "名门", "幸福", "和谐", "春天", "东方", "碧水", "绿城", "华府",
                       "香榭", "丽景", "书香", "御景", "天悦", "紫荆", "银河", "盛世", "星河", "文华", "滨江", "蓝山",
                       "凤凰", "龙湖", "金地", "恒安", "泰和", "世纪", "新华", "明珠", "海棠", "玉兰", "梧桐", "枫林",
                       "清华", "润泽", "万和", "嘉禾", "汇景", "馨园", "怡景", "康城", "雅居", "富力", "华润", "保利",
                       "中海", "鸿福", "瑞祥", "永安", "兴隆", "天成", "宏达", "锦华", "云栖", "水岸", "山水", "湖畔",
                       "南湖", "北辰", "西城", "东湖", "中央", "百合", "桂花", "银杏", "荣华", "学府", "公园", "御园",
                       "新港", "长城", "泉城", "千佛", "西湖", "青年", "状元", "官邸"]
private let estateB = ["", "", "", "", "一品", "壹号", "国际", "花苑", "名都", "佳苑", "丽都", "人家", "印象", "时代",
                       "尚城", "华庭", "雅苑", "豪庭", "美域", "天地", "明居", "绿洲", "新居", "福地", "春晓", "悦府",
                       "嘉园", "锦苑", "世家", "金座", "城邦", "景苑", "名苑", "东区", "西区", "南苑", "北苑", "二期",
                       "三期", "铭筑"]
private let estateSuffix = ["小区", "小区", "小区", "花园", "家园", "苑", "新城", "公寓", "嘉园", "名邸", "华庭", "雅居"]

private let brandSyl = ["宏", "远", "鑫", "盛", "华", "泰", "恒", "通", "达", "金", "瑞", "祥", "隆", "昌", "兴", "源",
                        "丰", "利", "德", "信", "安", "康", "中", "天", "海", "博", "润", "佳", "永", "宇", "诚", "和",
                        "顺", "力", "联", "创", "新", "宝", "晟", "凯"]
let industries = ["建筑工程", "房地产开发", "机械制造", "化工", "纺织", "食品", "建材", "电子科技", "物流", "服装",
                  "钢铁", "造纸", "矿业", "汽车配件", "商贸", "劳务", "市政工程", "家具", "印刷", "塑料制品"]
private let companyForm = ["有限公司", "有限公司", "有限责任公司", "股份有限公司", "集团有限公司", "厂"]

private let villageSurname = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高",
                              "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧",
                              "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾",
                              "丁", "魏", "薛", "叶", "阎"]
private let villageForm = ["家庄", "庄", "家村", "屯", "营", "寨", "家堡", "店", "集", "家洼", "家岭", "楼", "官庄",
                           "家河", "坡"]
private let villagePrefix = ["", "", "", "东", "西", "南", "北", "前", "后", "大", "小", "上", "下", "新"]
private let townSyl = ["唐王", "港沟", "华山", "彩石", "董家", "遥墙", "孙村", "郭店", "柳埠", "仲宫", "龙泉", "白马",
                       "青龙", "石门", "桃园", "清河", "双庙", "马集", "高庙", "新安", "北关", "南关", "东关", "西关",
                       "城关", "文昌", "长兴", "太平", "永宁", "三里", "七里", "黄河", "金山", "杨柳", "红星",
                       "古城", "大王", "李村", "沙河", "牛山"]
private let townForm = ["镇", "镇", "街道", "街道", "乡"]
private let roadSyl = ["解放", "建设", "人民", "和平", "胜利", "文化", "工业", "经十", "花园", "北园", "青年", "幸福",
                       "振兴", "友谊", "新华", "中山", "南京", "长江", "黄河", "泰山", "华山", "东风", "光明", "朝阳",
                       "育才", "学府", "科技", "金融", "滨河", "环城", "二环", "奥体", "世纪", "开元", "明湖", "舜耕"]
private let roadForm = ["路", "路", "路", "大街", "街", "大道", "东路", "西路", "北路", "南路"]

/// Bijective-ish map from a per-county counter to a combination index, so that
/// counters give distinct names inside a county (until the space wraps).
@inline(__always)
private func spread(_ idx: Int, _ county: Int, _ space: Int, _ salt: Int) -> Int {
    // 7919 and 104729 are primes; the spaces used are not multiples of them.
    return (idx &* 104_729 &+ county &* 7919 &+ salt) % space
}

func estateName(_ county: Int, _ idx: Int) -> String {
    let space = estateA.count * estateB.count * estateSuffix.count
    var k = spread(idx, county, space, 11)
    let a = k % estateA.count; k /= estateA.count
    let b = k % estateB.count; k /= estateB.count
    let s = k % estateSuffix.count
    return estateA[a] + estateB[b] + estateSuffix[s]
}

func brandName(_ county: Int, _ idx: Int, _ salt: Int) -> String {
    let n = brandSyl.count
    var k = spread(idx, county, n * n, salt)
    let a = k % n; k /= n
    var b = k % n
    if b == a { b = (b + 7) % n }
    return brandSyl[a] + brandSyl[b]
}

func companyName(_ county: Int, _ idx: Int) -> String {
    let h = mix(UInt64(county), UInt64(idx), 77)
    let ind = industries[Int(h % UInt64(industries.count))]
    let form = companyForm[Int((h >> 20) % UInt64(companyForm.count))]
    let withCity = (h >> 40) % 3 != 0
    let prefix = withCity ? counties[county].cityShort : ""
    return prefix + brandName(county, idx, 23) + (form == "厂" ? fastReplace(ind, "工程", "") : ind) + form
}

func developerName(_ county: Int, _ idx: Int) -> String {
    let h = mix(UInt64(county), UInt64(idx), 99)
    let prefix = (h % 2 == 0) ? counties[county].cityShort : ""
    let form = (h >> 8) % 3 == 0 ? "置业有限公司" : "房地产开发有限公司"
    return prefix + brandName(county, idx, 41) + form
}

func propertyCompanyName(_ county: Int, _ idx: Int) -> String {
    return brandName(county, idx, 57) + "物业管理有限公司"
}

func townName(_ county: Int, _ idx: Int) -> String {
    let k = spread(idx, county, townSyl.count * townForm.count, 5)
    return townSyl[k % townSyl.count] + townForm[(k / townSyl.count) % townForm.count]
}

func villageName(_ county: Int, _ idx: Int) -> String {
    let space = villageSurname.count * villageForm.count * villagePrefix.count
    var k = spread(idx, county, space, 3)
    let a = k % villageSurname.count; k /= villageSurname.count
    let b = k % villageForm.count; k /= villageForm.count
    let p = k % villagePrefix.count
    return villagePrefix[p] + villageSurname[a] + villageForm[b] + "村"
}

func roadName(_ county: Int, _ idx: Int) -> String {
    let k = spread(idx, county, roadSyl.count * roadForm.count, 17)
    return roadSyl[k % roadSyl.count] + roadForm[(k / roadSyl.count) % roadForm.count]
}

func hospitalName(_ county: Int, _ idx: Int) -> String {
    let c = counties[county]
    let k = idx % 12
    switch k {
    case 0: return c.name + "人民医院"
    case 1: return c.name + "中医医院"
    case 2: return c.city + "第一人民医院"
    case 3: return c.city + "第二人民医院"
    case 4: return c.city + "中心医院"
    case 5: return c.city + "妇幼保健院"
    case 6: return c.name + "第三人民医院"
    default: return brandName(county, idx, 61) + ["医院", "骨科医院", "妇产医院", "眼科医院", "口腔医院"][idx % 5]
    }
}

func schoolName(_ county: Int, _ idx: Int) -> String {
    let c = counties[county]
    let k = idx % 8
    let n = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][(idx / 8) % 10]
    switch k {
    case 0: return c.name + "实验小学"
    case 1: return c.name + "第\(n)中学"
    case 2: return c.name + "第\(n)小学"
    case 3: return townName(county, idx) + "中心小学"
    case 4: return c.cityShort + "市第\(n)中学"
    case 5: return brandName(county, idx, 71) + "实验学校"
    case 6: return c.name + "第\(n)幼儿园"
    default: return brandName(county, idx, 73) + "双语学校"
    }
}

func courtName(_ county: Int, _ intermediate: Bool) -> String {
    let c = counties[county]
    return intermediate ? c.city + "中级人民法院" : c.name + "人民法院"
}

func unitName(_ county: Int, _ idx: Int) -> String {
    let c = counties[county]
    let units = ["供电公司", "自来水公司", "粮食局", "供销社", "农机站", "运输公司", "机械厂", "纺织厂", "化肥厂",
                 "水泥厂", "棉纺厂", "食品厂"]
    return (idx % 3 == 0 ? c.city : c.name) + units[idx % units.count]
}

// MARK: - People

let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何",
                "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓",
                "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "余",
                "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜", "范", "方", "石", "姚", "谭", "廖", "邹", "熊",
                "金", "陆", "郝", "孔", "白", "崔", "康", "毛", "邱", "秦", "江", "史", "顾", "侯", "邵", "孟", "龙",
                "万", "段", "雷", "钱", "汤", "尹", "黎", "易", "常", "武", "乔", "贺", "赖", "龚", "文"]
let givenChars = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
                  "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "建国", "建军", "国强", "志强", "海燕", "红梅",
                  "玉兰", "凤英", "淑珍", "春生", "德明", "文革", "卫东", "振华", "国庆", "小红", "丽娟", "晓明", "俊杰",
                  "浩", "宇", "欣怡", "子涵", "雪梅", "金凤", "立新", "长春", "保国", "福生", "荣", "斌", "鹏", "辉",
                  "玲", "婷", "慧", "红", "英", "华", "兰", "梅", "彬", "飞", "琴", "云", "峰", "波", "宁", "林", "萍",
                  "桂兰", "秀珍", "玉梅", "凤兰", "永刚", "永强", "海涛", "晓东", "学军", "新民", "连生", "树林",
                  "得胜", "金生", "秋菊", "冬梅", "春花", "爱国", "爱华", "进", "亮", "成", "广", "民", "祥", "贵"]

struct Person: Sendable {
    var surname: UInt8
    var given: UInt8
    var regionCounty: UInt8
    var birth: Int32      // yyyymmdd
    var seq: UInt16       // 0...999
    var phone: UInt64     // 11 digits

    var fullName: String { surnames[Int(surname)] + givenChars[Int(given)] }
    var surnameString: String { surnames[Int(surname)] }

    var idNumber: String {
        let body = counties[Int(regionCounty)].code + String(birth) + pad(Int(seq), 3)
        return body + String(checkDigit(body))
    }

    var male: Bool { seq % 2 == 1 }
    var birthYear: Int { Int(birth) / 10000 }

    static func make(_ r: inout RNG, county: Int) -> Person {
        let y = r.range(1940, 2001)
        let m = r.range(1, 12)
        let d = r.range(1, 28)
        let prefixes: [UInt64] = [130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 158,
                                  159, 166, 177, 180, 181, 182, 185, 186, 187, 188, 189, 199]
        let p = r.pick(prefixes) * 100_000_000 + UInt64(r.int(100_000_000))
        return Person(surname: UInt8(r.int(surnames.count)), given: UInt8(r.int(givenChars.count)),
                      regionCounty: UInt8(county), birth: Int32(y * 10000 + m * 100 + d),
                      seq: UInt16(r.int(1000)), phone: p)
    }
}

private let idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
private let idChecks: [Character] = ["1", "0", "X", "9", "8", "7", "6", "5", "4", "3", "2"]

/// GB 11643 check character of a 17-digit body.
func checkDigit(_ body: String) -> Character {
    var sum = 0
    var i = 0
    for b in body.utf8 {
        sum += Int(b - 48) * idWeights[i]
        i += 1
    }
    return idChecks[sum % 11]
}

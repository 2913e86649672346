// Words and sentence frames of phrasing style 2 that every problem shares.
// Written independently of style 1 (Text.swift, Render.swift): different word
// choices, regional usage (房开, 物管, 动迁, 红本), a citizen's voice as well as
// a clerk's, and other ways to open, order and close a petition.

/// Interchangeable words; a petition keeps its pick of a group (with an occasional switch).
let style2WordGroups: [(name: String, words: [String])] = [
    ("cert", ["不动产证", "房屋所有权证", "房产证", "红本", "分户产权证", "不动产登记证书", "产权证书"]),
    ("getCert", ["办证", "领证", "拿证", "办下证", "办理产权登记"]),
    ("dev", ["开发商", "地产商", "房开", "开发单位", "建设单位", "开发商老板"]),
    ("wageN", ["血汗钱", "辛苦钱", "工钱", "劳务费用", "工资款项", "工资"]),
    ("boss", ["包工头", "工头", "承包老板", "带班的", "老板"]),
    ("demolish", ["动迁", "房屋征收", "棚改", "拆房", "拆迁"]),
    ("comp", ["补偿", "安置补偿", "补偿费用", "征收补偿", "货币补偿", "补助款"]),
    ("land", ["地", "田", "耕地", "承包田", "口粮地", "责任地"]),
    ("pension", ["退休金", "养老金", "退休工资", "养老待遇"]),
    ("pmco", ["物管", "物业", "物管公司", "物业服务公司", "小区管理处", "物业管理处"]),
    ("noise", ["吵闹声", "轰鸣声", "机器声", "噪声", "动静"]),
    ("house", ["房子", "房", "新房", "住房", "那套房"]),
    ("crack", ["裂了口子", "开裂", "出现裂纹", "裂开了"]),
    ("leak", ["漏雨", "渗水", "返潮", "往下滴水"]),
    ("still", ["到现在还", "至今仍", "直到现在也", "现在还", "到今天还"]),
    ("govt", ["相关单位", "政府", "上面", "职能部门", "主管单位", "管事的部门"]),
    ("quickly", ["尽快", "早日", "抓紧", "赶紧", "尽早"]),
    ("urge", ["督促", "责令", "敦促", "监督"]),
    ("times", ["好几次", "无数次", "十几次", "很多回", "不下十次", "七八趟"]),
    ("villageCadre", ["村书记", "村长", "村支书", "村委", "村会计"]),
    ("fee", ["补课费", "资料费", "校服费", "辅导费", "教辅费"]),
    ("dibao", ["低保", "低保金", "救助金", "最低生活保障"]),
    ("veteran", ["退伍", "转业", "复员", "退役"]),
    ("heating", ["暖气", "供热", "采暖"]),
    ("relocHouse", ["回迁房", "安置房", "还房", "安置小区"]),
]

let style2WordGroupIndex: [String: Int] = {
    var d: [String: Int] = [:]
    for (i, g) in style2WordGroups.enumerated() { d[g.name] = i }
    return d
}()

private func templates(_ a: [String]) -> [Style2Template] { a.map(Style2Template.init) }

/// How a citizen opens a letter or a web message to an official.
let style2Salutations = templates([
    "尊敬的领导：", "{county}领导您好！", "市长您好：", "{officialSur}书记：您好！", "各位领导好，",
    "尊敬的{officialSur}市长：", "领导您好，", "{officialSur}局长：", "尊敬的信访办同志：",
])

/// A citizen introducing himself or herself (first person, one petitioner).
let style2SelfIntros = templates([
    "我叫{name}，", "我是{name}，", "本人{name}，家住{home}，", "我姓{sur}，", "我是{home}的{name}。",
])

/// A group introducing itself (first person).
let style2GroupIntros = templates([
    "我们是{placeAt}的{crowd}，", "我们{place}{crowd}联名向您反映一件事：", "{place}{people}代表{name}等{hc}人联名：",
    "我们是{county}的一群{people}，一共{hc}人，", "我们{hc}个{people}实在没办法了，",
])

/// How a clerk opens a record of a visit, call, letter or web message (third person).
/// The renderer picks among the openers of the petition's channel.
let style2ClerkOpeners: [[Style2Template]] = [
    templates(["收{name}来信一封，信中称：", "{name}（{sex}，{birth}年生，住{home}）来信，内容如下：", "{home}居民{name}来信，诉："]),
    templates(["{name}（{sex}，{birth}年生，住{home}）到访，称：", "今日{name}到接待大厅，陈述如下：",
               "据来访人{name}口述，", "【来访】{name}，住{home}。事由："]),
    templates(["{name}在网上留言：", "网民“{name}”留言称：", "【网上信访】{name}，{home}。事由："]),
    templates(["接{county}{name}来电，", "{name}拨打热线，称", "【来电】{name}，电话{phone}。来电人称，"]),
]

/// Openers of a group's petition as a clerk records it.
let style2ClerkGroupOpeners = templates([
    "{name}等{hc}人集体到访，称：", "{place}{people}代表{name}（电话{phone}）代表{crowd}反映：",
    "{county}{crowd}联名来信，代表人{name}，内容：", "{name}等{people}共{hc}人联名，诉：",
])

/// After an earlier filing (the petition is not the first of its matter).
let style2Histories = templates([
    "{prev}{me}[就此事|为这事]找过{prevOrgan}，[当时答应得好好的|说回去研究研究]，[后来就没了下文|结果一拖再拖]。",
    "这事{me}[已经反映过好几次|不是第一次反映了]，[每次都是登记一下就完了|回复都是“正在协调”]。",
    "从{first}第一次反映到现在，问题[一点进展都没有|原封不动]。",
    "上次反映以后，{resp}[派人来看过一次|打过一个电话]，[之后再没人管|说等通知，一等就是几个月]。",
    "{prev}收到的[答复意见|回复]{me}不认可，[根本没解决实际问题|答非所问]。",
])

/// A filing at the provincial or national level.
let style2Escalations = templates([
    "区里、市里都跑遍了，[你推我我推你|没有一个部门愿意管]，[实在没办法|走投无路]才[来省里|到北京]反映。",
    "在{county}反映了[两年|很久]没有结果，只好往上面反映，请上级督办。",
    "下面[一直压着不办|互相踢皮球]，恳请上级领导[直接过问|派人下来调查]。",
])

/// A matter already handled as a backlog case.
let style2BacklogMentions = templates([
    "听说这件事已经列为[积案|领导包案]了，可{~still}没有解决。",
    "领导包了案，[开过两次会|来过一回]，[钱|问题]还是没落实。",
])

/// Hardship, feelings and assurances, in any number.
let style2Feelings = templates([
    "{me}[年纪大了|身体不好]，实在[经不起这样拖|耗不起]。",
    "老百姓挣点钱不容易，[这是{my}全部家当|一家老小就靠这个]。",
    "这样的事情放在谁身上都[窝火|想不通]。",
    "希望领导体谅{my}的难处，[真的是走投无路了|不是万不得已不会来麻烦政府]。",
    "{me}所说的都是事实，[有材料可以证明|愿意当面对质]。",
    "如果这次还解决不了，{me}[只能继续往上反映|只能一直反映下去]。",
    "同样的事别人家[早就解决了|都拿到了]，凭什么{my}的就拖着？",
    "{me}[相信政府|相信党和政府]一定能给老百姓一个公道。",
])

/// One demand in a sentence.
let style2SingleDemandFrames = templates([
    "希望{~govt}{demand}。", "恳请领导{demand}！", "请求：{demand}。", "{me}的要求很简单，就是{demand}。",
    "麻烦领导过问一下，{demand}。", "望{~govt}{demand}，[给老百姓一个交代|还{me}一个公道]。",
])

/// Two demands in a sentence.
let style2DoubleDemandFrames = templates([
    "诉求如下：一、{demand}；二、{demand}。", "{me}有两点请求：1.{demand}；2.{demand}。",
    "请求{demand}，并{demand}。", "具体诉求：（一）{demand}；（二）{demand}。",
])

/// How a citizen signs off.
let style2SignOffs = templates([
    "谢谢！", "万分感谢！", "盼回复！", "期待您的答复。", "此致 敬礼！", "麻烦了，感谢领导！！", "联系电话：{phone}。",
    "望批复为盼。", "（{name}，{phone}）",
])

/// What a clerk notes after the record.
let style2ClerkNotes = templates([
    "{filer}情绪比较激动。", "已告知其按程序逐级反映。", "{filer}表示不解决不会停止反映。", "{filer}要求尽快答复。",
    "[附|另附]有关材料复印件[若干|三份]。", "已做解释，{filer}不认可。",
])

/// Titles that fit any problem.
let style2GenericTitles = templates([
    "关于{topic}的诉求", "请求解决{topic}问题", "{county}{topic}", "求助：{topic}", "{topic}，望领导关注",
    "投诉{resp}不作为", "{name}的诉求", "问一下{topic}的事",
])

/// The sentence of an official backlog narrative that tells its history.
let style2BacklogHistories = templates([
    "自{first}首次反映以来，累计登记信访{visits}件次",
    "{first}起反复到[区|县]、市两级反映[，并多次赴省|，其间曾赴京]",
    "[多年来|长期以来]反复信访，系统登记{visits}件次",
])

/// The administrative line that closes an official backlog narrative (opened, leader, units).
let style2BacklogAdmin = templates([
    "{opened}纳入信访积案化解台账，包案领导为{leader}，责任单位：{units}。",
    "该案于{opened}列为积案，由{leader}包案，{units}[具体负责|牵头化解]。",
])

/// Status lines by status: 化解中, 已化解, 停访息诉.
let style2StatusLines: [String: [Style2Template]] = [
    "化解中": templates(["目前仍在化解中。", "正在推进化解，[已召开协调会|拟启动司法救助]。", "正在开展第二轮协调。"]),
    "已化解": templates(["经协调，[相关款项已兑付|诉求已落实]，案件已化解。", "已签订协议，群众表示满意。"]),
    "停访息诉": templates(["当事人已书面承诺停访息诉。", "经帮扶救助，当事人已息诉。"]),
]

import Testing
@testable import PetitionText

@Suite("Entities")
struct EntityTests {
    let extractor = EntityExtractor()

    @Test("estates are keyed by the two characters before their suffix, with or without 小区")
    func estates() {
        #expect(extractor.extract("我住在阳光花园小区").estates == ["阳光花园"])
        #expect(extractor.extract("阳光花园5号楼").estates == ["阳光花园"])
        #expect(extractor.extract("疏通天楚中苑小区").estates == ["楚中苑"])
    }

    @Test("a phase is part of an estate's name: 鸿福三期 and 金地三期 differ")
    func phases() {
        #expect(extractor.extract("我住鸿福三期小区").estates == ["鸿福三期小区"])
        #expect(extractor.extract("鸿福三期小区").estates != extractor.extract("金地三期小区").estates)
    }

    @Test("different estates with the same suffix get different keys")
    func differentEstates() {
        #expect(extractor.extract("锦绣家园").estates != extractor.extract("和泰家园").estates)
    }

    @Test("company names lose the generic words of their trade")
    func organizations() {
        #expect(extractor.extract("宏达建筑工程有限公司拖欠工资").organizations == ["宏达有限公司"])
        #expect(extractor.extract("宏达建筑公司").organizations == ["宏达公司"])
        #expect(extractor.extract("新博商贸集团有限公司").organizations == ["新博集团"])
    }

    @Test("villages and roads are places; 农村 and 公路 alone are not")
    func places() {
        #expect(extractor.extract("董家村村委会").places.contains("董家村"))
        #expect(extractor.extract("农村道路").places.isEmpty)
        #expect(extractor.extract("经十路").places == ["经十路"])
    }

    @Test("amounts are read in yuan whatever their form")
    func amounts() {
        #expect(extractor.extract("拖欠38,000元").amounts == [38000])
        #expect(extractor.extract("拖欠3.8万元").amounts == [38000])
        #expect(extractor.extract("安置款九万元").amounts == [90000])
        #expect(extractor.extract("获利三十万元").amounts == [300000])
        #expect(extractor.extract("共计１２０００元").amounts == [12000])
        #expect(extractor.extract("收入十二万三千元").amounts == [123000])
        #expect(extractor.extract("房款一百万六千元").amounts == [1006000])
    }

    @Test("areas in mu")
    func areas() {
        #expect(extractor.extract("承包地12亩").areas == [12])
    }

    @Test("years in every written form")
    func years() {
        for text in ["2015年3月", "2015.3", "2015-03-10", "二〇一五年三月", "二零一五年", "２０１５年"] {
            #expect(extractor.extract(text).years == [2015], "\(text)")
        }
    }

    @Test("rooms as building-unit-room")
    func rooms() {
        #expect(extractor.extract("5号楼2单元301室").rooms == ["5-2-301"])
        #expect(extractor.extract("5栋2单元301").rooms == ["5-2-301"])
        #expect(extractor.extract("五号楼二单元三〇一室").rooms == ["5-2-301"])
        #expect(extractor.extract("名门时代小区31-6-903").rooms == ["31-6-903"])
        #expect(extractor.extract("春天北苑嘉園買了1號樓2-803").rooms == ["1-2-803"])
    }

    @Test("a phone written with dashes is no room")
    func phoneIsNoRoom() {
        #expect(extractor.extract("联系电话：158-3281-7391").rooms.isEmpty)
    }

    @Test("junk before a suffix is no name: verbs, quantities, words the suffix continues")
    func junk() {
        #expect(extractor.extract("虽然学校就在小区门口").organizations.isEmpty)
        #expect(extractor.extract("位于200米路段").places.isEmpty)
        #expect(extractor.extract("有理由怀疑管路破漏").places.isEmpty)
        #expect(extractor.extract("几个业主长期霸凌小区").estates.isEmpty)
        #expect(extractor.extract("请问A市70路公交车何时开通").places.isEmpty)
    }

    @Test("a unit or measure word ends no name but starts many: 天河路, 时代小区, 米兰花园")
    func measureWordsStartNames() {
        #expect(extractor.extract("住在天河路旁").places == ["天河路"])
        #expect(extractor.extract("名门时代小区业主").estates == ["时代小区"])
        #expect(extractor.extract("米兰花园小区").estates == ["米兰花园"])
        #expect(extractor.extract("下班时小区门口").estates.isEmpty)
        #expect(extractor.extract("三个月村里没人管").places.isEmpty)
    }

    @Test("a type word is shed from a unit's name, and alone it names nothing")
    func unitTypes() {
        #expect(extractor.extract("济南通金家具有限公司拖欠工资").organizations == ["通金有限公司"])
        #expect(extractor.extract("新近建成的一流的三甲医院").organizations.isEmpty)
    }

    @Test("the longer name of another kind is taken: 城南路派出所 is a unit, not a road")
    func longerName() {
        #expect(extractor.extract("城南路派出所").places.isEmpty)
        #expect(extractor.extract("城南路派出所").organizations == ["南路派出所"])
    }

    @Test("names agree by sound whatever their order: 绿地 and 地绿, 金茂 and 金贸")
    func soundKeys() {
        #expect(Entities.soundKey("绿地小区") == Entities.soundKey("地绿小区"))
        #expect(Entities.soundKey("金茂路") == Entities.soundKey("金贸路"))
        #expect(Entities.soundKey("金茂路") != Entities.soundKey("银茂路"))
    }

    @Test("court case numbers, half- or full-width")
    func caseNumbers() {
        #expect(extractor.extract("（2019）鲁0112民初1234号判决").caseNumbers == ["2019鲁0112民初1234"])
        #expect(extractor.extract("〔2013〕冀01执3342号调解书").caseNumbers == ["2013冀01执3342"])
    }
}

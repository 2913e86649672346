import PetitionText
import Testing

@Suite("Place names read back from their keys")
struct PlaceNamesTests {
    let names = PlaceNames()

    @Test("a village's key grows leftwards as far as its mentions agree")
    func villageNameFromMentions() {
        let texts = ["我们是丁家洼村的村民，反映拆迁补偿问题。", "住在丁家洼村，征地补偿款至今未发放。", "丁家洼村部分村民要求补偿。"]
        #expect(names.fullName(ofKey: "家洼村", in: texts) == "丁家洼村")
    }

    @Test("a function word or a verb ends the name: 在 and 反映 belong to the sentence")
    func stopsAtFunctionWords() {
        let texts = ["信访人在东湖人家小区居住。", "信访人在东湖人家小区购房。"]
        #expect(names.fullName(ofKey: "人家小区", in: texts) == "东湖人家小区")
    }

    @Test("a company's key reaches its suffix over the words it shed")
    func companyOverShedWords() {
        let texts = ["保定远新房地产开发有限公司拖欠社保。", "反映保定远新房地产开发有限公司改制问题。"]
        #expect(names.fullName(ofKey: "远新有限公司", in: texts) == "保定远新房地产开发有限公司")
    }

    @Test("a key no text writes stays the key")
    func unknownKeyStays() {
        #expect(names.fullName(ofKey: "家洼村", in: ["没有提到任何村庄。"]) == "家洼村")
    }

    @Test("traditional text is folded before it is read, as the key was")
    func foldedText() {
        #expect(names.fullName(ofKey: "人家小区", in: ["住在東湖人家小區。", "在東湖人家小區購房。"]) == "东湖人家小区")
    }
}

import Testing
@testable import PetitionText

/// Petitioners, ages and groups as petitions and backlog cases refer to them.
@Suite("Person and group references")
struct ReferenceTests {
    let persons = PersonReferences()
    let groups = GroupReferences.standard

    @Test("a masked name gives its surname; 在某小区 names nobody")
    func maskedSurnames() {
        #expect(persons.maskedSurnames(in: FoldedText("信访人谭某反映")) == ["谭"])
        #expect(persons.maskedSurnames(in: FoldedText("信访人董某某诉称")) == ["董"])
        #expect(persons.maskedSurnames(in: FoldedText("欧阳某反映")) == ["欧阳"])
        #expect(persons.maskedSurnames(in: FoldedText("住在某小区，对某单位不满")).isEmpty)
    }

    @Test("an age is read in digits or Chinese numerals")
    func statedAge() {
        #expect(persons.statedAge(in: FoldedText("信访人今年52岁")) == 52)
        #expect(persons.statedAge(in: FoldedText("现年五十二周岁")) == 52)
        #expect(persons.statedAge(in: FoldedText("工作了3年")) == nil)
    }

    @Test("headcounts are read in digits or Chinese numerals, approximate or not")
    func headcounts() {
        #expect(groups.headcounts(in: FoldedText("胡店村四十余户村民反映")) == [40])
        #expect(groups.headcounts(in: FoldedText("七十二名农民工讨薪")) == [72])
        #expect(groups.headcounts(in: FoldedText("30余人到场")) == [30])
    }

    @Test("a backlog case about a group speaks for many; one about one petitioner does not")
    func speaksForMany() {
        #expect(groups.speaksForMany(FoldedText("南山区群众：七十二名农民工反映欠薪")))
        #expect(groups.speaksForMany(FoldedText("X小区四十余户业主反映办证难")))
        #expect(!groups.speaksForMany(FoldedText("常某反映涉法涉诉问题，相关群众多次信访")))
    }

    @Test("a petition is filed by a group when it says so or counts five or more filers")
    func filedByGroup() {
        #expect(groups.isFiledByGroup(FoldedText("孙丽等23户业主集体来访")))
        #expect(groups.isFiledByGroup(FoldedText("张某等十二人联名反映")))
        #expect(!groups.isFiledByGroup(FoldedText("小区有300户居民，我家住5号楼")))
    }
}

import PetitionModel
import PetitionStore
import PetitionText
import Testing

/// A record as a role without a reveal sees it: identifiers typed into any
/// field are masked, not only the ID and phone fields.
@Suite("Masked records")
struct MaskedRecordsTests {
    static let petition = Petition(
        id: "XF-1", receivedAt: CalendarDate(year: 2024, month: 3, day: 5)!,
        petitioners: [Petitioner(name: "张伟370102198001011234", idNumber: "370102198001011234", phone: "13800138000")],
        title: "电话13800138000", content: "联系电话138 0013 8000。",
        handling: Handling(organ: "历城区信访局（电话0531-88886666）", level: "县级"))

    @Test("an ID number typed into a name is masked")
    func nameField() {
        let person = Self.petition.masked.petitioners[0]
        #expect(person.name == "张伟370***********1234")
        #expect(person.idNumber == "3701**********1234")
        #expect(person.phone == "138****8000")
    }

    @Test("a phone in the handling organ, the title and the content is masked")
    func textFields() {
        let masked = Self.petition.masked
        #expect(masked.handling?.organ == "历城区信访局（电话053*-****6666）")
        #expect(masked.title == "电话138****8000")
        #expect(masked.content == "联系电话138 **** 8000。")
    }

    @Test("a backlog case's leader and title are masked")
    func backlogFields() {
        let backlog = BacklogCase(caseID: "JA-1", title: "王某（13800138000）反映拆迁", leader: "李局长 13912345678")
        #expect(backlog.masked.title == "王某（138****8000）反映拆迁")
        #expect(backlog.masked.leader == "李局长 139****5678")
    }
}

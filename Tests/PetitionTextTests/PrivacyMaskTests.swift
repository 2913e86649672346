import PetitionText
import Testing

/// No answer shows a hidden digit of a phone or an ID number, whatever form
/// the number is written in and wherever a snippet cuts it; dates and amounts
/// stay readable.
@Suite("Privacy mask")
struct PrivacyMaskTests {
    @Test("a phone in free text shows its first three and last four digits", arguments: [
        ("联系电话13800138005。", "联系电话138****8005。"),
        ("电话13800138005abc", "电话138****8005abc"),
        ("电话138.0013.8007", "电话138.****.8007"),
        ("电话(138)00138012", "电话(138)****8012"),
        ("电话138 0013 8000", "电话138 **** 8000"),
        ("电话１３８００１３８０００", "电话１３８****８０００"),
        ("电话一三八〇〇一三八〇〇〇", "电话一三八****八〇〇〇"),
    ])
    func phones(_ written: String, _ masked: String) {
        #expect(PrivacyMask.text(written) == masked)
    }

    @Test("forms with a country code, an area code or an old ID number are masked the same way", arguments: [
        ("008613800138014", "008********8014"),
        ("+86 138 0013 8014", "+86 1** **** 8014"),
        ("0531-88886666", "053*-****6666"),
        ("身份证370102800101123", "身份证370********1123"),
        ("身份证37010219800101123X", "身份证370***********123X"),
    ])
    func otherForms(_ written: String, _ masked: String) {
        #expect(PrivacyMask.text(written) == masked)
    }

    @Test("a number a snippet's cut touches is masked whole, highlight marks or not", arguments: [
        ("…0702 2426。2007年", "…**** ****。2007年"),
        ("19750613 4321…", "******** ****…"),
        ("…\u{1}0702\u{2}2426。", "…\u{1}****\u{2}****。"),
    ])
    func cutNumbers(_ snippet: String, _ masked: String) {
        #expect(PrivacyMask.text(snippet) == masked)
    }

    @Test("dates, decimal amounts and short numbers stay as written", arguments: [
        "2021-03-12至2021-05-06", "2021.3.12", "2021/03/12-2021/05/06", "拖欠1234567.50元", "1,234,567元", "301室", "2007年",
    ])
    func notIdentifiers(_ text: String) {
        #expect(PrivacyMask.text(text) == text)
    }

    @Test("no digit the field mask hides is shown by the text mask of the same number")
    func textShowsNoMoreThanField() {
        for number in ["13800138005", "370102198001011234"] {
            let field = Array(PrivacyMask.identifier(number)), text = Array(PrivacyMask.text(number))
            for (shown, hidden) in zip(text, field) where hidden == "*" { #expect(shown == "*") }
        }
    }
}

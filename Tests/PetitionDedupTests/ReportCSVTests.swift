@testable import PetitionDedup
import Testing

/// The report's CSV files are opened in spreadsheets: no cell may be a formula.
@Suite("Report CSV cells")
struct ReportCSVTests {
    @Test("a cell beginning with = + - @ is written after a quote mark", arguments: [
        (#"=HYPERLINK("http://x",1)"#, #""'=HYPERLINK(""http://x"",1)""#),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("+A1+B1", "'+A1+B1"),
        ("-A1", "'-A1"),
    ])
    func formulas(_ cell: String, _ written: String) {
        #expect(DedupReport.csvField(cell) == written)
    }

    @Test("numbers and ordinary text are written as they are", arguments: ["-3", "12", "0.5", "历城区", "山东省"])
    func plainCells(_ cell: String) {
        #expect(DedupReport.csvField(cell) == cell)
    }
}

import Content
import Testing

struct DayTests {
    @Test(arguments: ["2024-02-29", "1949-10-01", "2100-12-31", "2023-12-31"])
    func realDatesInRangeAreRead(_ text: String) throws {
        #expect(try #require(Day(text)).description == text)
    }

    @Test(arguments: ["0000-01-01", "1948-12-31", "2101-01-01", "9999-12-31", "2023-02-29", "2024-13-01", "2024-00-10",
                      "2024-04-31", "+202-01-01", "2024-+1-01", "2024-1-01", "2024-01-01x", " 2024-01-01", "２０２４-01-01"])
    func impossibleOrImplausibleDatesAreRefused(_ text: String) {
        #expect(Day(text) == nil)
    }
}

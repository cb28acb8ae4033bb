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

struct DayDistanceTests {
    @Test func daysBetweenDatesCountLeapYearsAndMonthEnds() throws {
        let day = { (text: String) throws -> Day in try #require(Day(text)) }
        #expect(try day("2024-03-01").days(since: day("2024-02-28")) == 2)
        #expect(try day("2023-03-01").days(since: day("2023-02-28")) == 1)
        #expect(try day("2026-11-29").days(since: day("2025-11-29")) == 365)
        #expect(try day("2025-01-01").days(since: day("2024-01-01")) == 366)
        #expect(try day("2060-03-01").days(since: day("1960-03-01")) == 36_525)
        #expect(try day("2024-01-01").days(since: day("2024-01-02")) == -1)
    }
}

import GongkaiCore
import Testing

struct CalendarDateTests {
    @Test(arguments: [
        ("2024-10-08", "2024-10-08"), ("2024-1-8", "2024-01-08"), ("2024/10/08", "2024-10-08"),
        ("2024.10.08", "2024-10-08"), ("2024年10月8日", "2024-10-08"), ("２０２４－１０－０８", "2024-10-08"),
        (" 2024-02-29 ", "2024-02-29"), ("1912-01-01", "1912-01-01"),
    ])
    func parsesWhatClerksWrite(_ text: String, _ iso: String) {
        #expect(CalendarDate.parse(text)?.iso == iso)
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "2024-04-31", "24-10-08", "2024-10", "明天", "2024-10-08x", "2024-10/08"])
    func rejectsWhatIsNotADay(_ text: String) {
        #expect(CalendarDate.parse(text) == nil)
    }

    @Test func timeOfDay() {
        let d = NoticeDate.parse("2024-10-08 09:30")
        #expect(d?.day.iso == "2024-10-08")
        #expect(d?.secondOfDay == 9 * 3600 + 30 * 60)
        #expect(NoticeDate.parse("2024-10-08T25:00") == nil)
        #expect(d?.rfc3339(utcOffsetSeconds: 8 * 3600) == "2024-10-08T09:30:00+08:00")
    }

    @Test func dayArithmeticRoundTrips() {
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            let d = CalendarDate(dayNumber: n)
            #expect(d.dayNumber == n)
            #expect(CalendarDate(year: d.year, month: d.month, day: d.day) == d)
        }
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CalendarDate(year: 2024, month: 10, day: 8)!.adding(days: 5).chinese == "2024年10月13日")
    }

    @Test func groupedNumbers() {
        #expect(1204.grouped == "1,204")
        #expect(10000.grouped == "10,000")
        #expect(999.grouped == "999")
        #expect((-1234567).grouped == "-1,234,567")
    }
}

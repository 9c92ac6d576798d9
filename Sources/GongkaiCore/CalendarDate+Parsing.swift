extension NoticeDate {
    /// Reads the date forms a clerk writes: `2024-10-08`, `2024-1-8`,
    /// `2024/10/08`, `2024.10.08`, `2024年10月8日`, full-width digits too, each
    /// optionally followed by a time `09:30` or `09:30:15` (after a space or `T`).
    /// Nil when the text is not such a date or the day does not exist.
    public static func parse(_ text: String) -> NoticeDate? {
        // `2024-10-08`, as almost every date is written: the same answer without the general reader.
        if let (year, month, day) = isoDigits(text) {
            return CalendarDate(year: year, month: month, day: day).map { NoticeDate(day: $0) }
        }
        return parseAnyForm(text)
    }

    /// `parse` without its shortcut for `2024-10-08`.
    static func parseAnyForm(_ text: String) -> NoticeDate? {
        var scalars = Array(text.unicodeScalars.map(halfWidth))
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        var i = 0
        func number(maxDigits: Int) -> Int? {
            var value = 0, n = 0
            while i < scalars.count, n < maxDigits, let d = digit(scalars[i]) {
                value = value * 10 + d; i += 1; n += 1
            }
            return n == 0 ? nil : value
        }
        func take(_ set: Set<Unicode.Scalar>) -> Unicode.Scalar? {
            guard i < scalars.count, set.contains(scalars[i]) else { return nil }
            defer { i += 1 }
            return scalars[i]
        }
        guard let year = number(maxDigits: 4), i == 4 else { return nil }
        guard let sep = take(["-", "/", ".", "年"]) else { return nil }
        guard let month = number(maxDigits: 2) else { return nil }
        let sep2: Set<Unicode.Scalar> = sep == "年" ? ["月"] : [sep]
        guard take(sep2) != nil, let day = number(maxDigits: 2) else { return nil }
        if sep == "年" { _ = take(["日", "号"]) }
        guard let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        if i == scalars.count { return NoticeDate(day: date) }
        guard take([" ", "T", "t"]) != nil else { return nil }
        while take([" "]) != nil {}
        guard let h = number(maxDigits: 2), take([":"]) != nil, let m = number(maxDigits: 2),
              i - 0 > 0 else { return nil }
        var s = 0
        if take([":"]) != nil {
            guard let sec = number(maxDigits: 2) else { return nil }
            s = sec
        }
        guard i == scalars.count, h < 24, m < 60, s < 60 else { return nil }
        return NoticeDate(day: date, secondOfDay: h * 3600 + m * 60 + s)
    }
}

/// `dddd-dd-dd` in ASCII digits, as numbers.
private func isoDigits(_ text: String) -> (Int, Int, Int)? {
    let utf8 = text.utf8
    guard utf8.count == 10 else { return nil }
    var year = 0, month = 0, day = 0
    for (i, byte) in utf8.enumerated() {
        if i == 4 || i == 7 {
            guard byte == 0x2D else { return nil }
            continue
        }
        guard byte &- 0x30 < 10 else { return nil }
        let d = Int(byte &- 0x30)
        if i < 4 { year = year * 10 + d } else if i < 7 { month = month * 10 + d } else { day = day * 10 + d }
    }
    return (year, month, day)
}

extension CalendarDate {
    /// A date without a time: the forms of `NoticeDate.parse`.
    public static func parse(_ text: String) -> CalendarDate? {
        guard let d = NoticeDate.parse(text), d.secondOfDay == nil else { return nil }
        return d.day
    }
}

private func digit(_ s: Unicode.Scalar) -> Int? {
    s.value >= 48 && s.value <= 57 ? Int(s.value - 48) : nil
}

/// Full-width ASCII forms (０-９，：－／．) as typed with a Chinese IME.
private func halfWidth(_ s: Unicode.Scalar) -> Unicode.Scalar {
    if s.value >= 0xFF01 && s.value <= 0xFF5E, let h = Unicode.Scalar(s.value - 0xFEE0) { return h }
    if s.value == 0x3000 { return " " }
    return s
}

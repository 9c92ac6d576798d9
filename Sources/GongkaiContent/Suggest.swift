/// "Did you mean": the candidate closest to what was typed (`标提` → `标题`),
/// if it is close enough to be a typo rather than another word.
enum Suggest {
    static func nearest(_ typed: String, in candidates: [String]) -> String? {
        let t = Array(typed.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(t, Array(candidate.lowercased()))
            if best == nil || d < best!.1 { best = (candidate, d) }
        }
        guard let (word, d) = best else { return nil }
        let limit = max(1, min(t.count, word.count) / 2)
        return d <= limit ? word : nil
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1,
                                 previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

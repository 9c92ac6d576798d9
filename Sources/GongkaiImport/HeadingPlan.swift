/// Which paragraphs become headings, and at what Markdown level.
struct HeadingPlan {
    var levels: [Int: Int] = [:]
}

import GongkaiCore
import Testing

/// parallelMap is under every stage: it must keep every result, in order,
/// however the threads interleave (an earlier version lost writes).
struct ParallelMapTests {
    @Test func keepsEveryResultInOrder() {
        for round in 0..<200 {
            let input = Array(0..<(1_000 + round * 7))
            let output = input.parallelMap { $0 &* 31 &+ 7 }
            #expect(output == input.map { $0 &* 31 &+ 7 })
        }
    }

    @Test func worksWithLargeValues() {
        let input = (0..<5_000).map { String(repeating: "字", count: $0 % 50) }
        #expect(input.parallelMap { $0.count } == input.map { $0.count })
    }
}

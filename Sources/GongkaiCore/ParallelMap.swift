import Dispatch

extension Array where Element: Sendable {
    /// Maps on all cores; the result keeps the input order, so output stays
    /// deterministic however the work was scheduled.
    /// `meter`, when given, is advanced as items are done.
    /// Inlinable, so that each caller gets a copy specialized to its types
    /// (a generic call across modules goes through metadata and witness
    /// tables for every element).
    /// `dynamic`: each item is handed to the next free core (for a few
    /// items that take much longer than the others); otherwise runs of
    /// neighbouring items are (less overhead for many small items).
    @inlinable
    public func parallelMap<R: Sendable>(meter: ProgressMeter? = nil, dynamic: Bool = false,
                                         _ transform: @Sendable (Element) -> R) -> [R] {
        guard count > 1 else {
            defer { meter?.advance(count) }
            return map(transform)
        }
        let results = ResultSlots<R>(count: count)
        let chunks = dynamic ? count : Swift.min(count, ProcessInfoCores.count * 32)
        let chunkSize = (count + chunks - 1) / chunks
        self.withUnsafeBufferPointer { items in
            nonisolated(unsafe) let items = items
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * chunkSize
                let end = Swift.min(start + chunkSize, items.count)
                guard start < end else { return }
                for i in start..<end { results.set(i, transform(items[i])) }
                meter?.advance(end - start)
            }
        }
        return results.values()
    }
}

/// Each slot is written by exactly one iteration, then read after all have
/// finished: no two threads touch the same slot. The slots are raw memory
/// allocated once: an Array's `withUnsafeMutableBufferPointer` swaps the
/// array out while it runs, so calling it from several threads loses writes.
@usableFromInline
final class ResultSlots<R>: @unchecked Sendable {
    @usableFromInline let slots: UnsafeMutablePointer<R?>
    @usableFromInline let count: Int

    @inlinable
    init(count: Int) {
        self.count = count
        slots = UnsafeMutablePointer<R?>.allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    @inlinable
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    @inlinable
    func set(_ i: Int, _ value: R) { slots[i] = value }

    /// The results, moved out of the slots (each slot was set once).
    @inlinable
    func values() -> [R] {
        [R](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count {
                (buffer.baseAddress! + i).initialize(to: (slots + i).move()!)
                (slots + i).initialize(to: nil)
            }
            initialized = count
        }
    }
}

public enum ProcessInfoCores {
    public static let count: Int = {
        #if canImport(Glibc)
        return Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 2
        #endif
    }()
}
#if canImport(Glibc)
import Glibc
#endif

extension Range where Bound == Int {
    /// The range cut into runs of `size` indices (the last may be shorter),
    /// for the cores to share.
    public func runs(of size: Int) -> [Range<Int>] {
        Swift.stride(from: lowerBound, to: upperBound, by: size).map { $0..<Swift.min($0 + size, upperBound) }
    }
}

import Foundation
import GongkaiCore

/// A one-line bar on stderr for stages that take a while (drawn only on a
/// terminal, only after a stage has run for half a second, and wiped before
/// the stage's own line is printed): `渲染 [██████░░░░░░] 6,120/11,407`.
final class ProgressBar: @unchecked Sendable {
    let meter = ProgressMeter()
    private let lock = NSLock()
    private var drawn = false
    private var timer: DispatchSourceTimer?

    func start() {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        timer.schedule(deadline: .now() + .milliseconds(500), repeating: .milliseconds(150))
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
        self.timer = timer
    }

    func stop() {
        timer?.cancel()
        timer = nil
        clear()
    }

    /// Wipes the bar (before a line is printed under it).
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if drawn {
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            drawn = false
        }
    }

    private func draw() {
        guard let s = meter.snapshot, s.seconds >= 0.5, s.total > 0 else { return }
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data(("\r" + Self.line(s) + "\u{1B}[K").utf8))
        drawn = true
    }

    static func line(_ s: ProgressMeter.Snapshot, width: Int = 24) -> String {
        let filled = s.total > 0 ? min(width, s.done * width / s.total) : 0
        return "\(s.stage) [" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            + "] \(s.done.grouped)/\(s.total.grouped)"
    }
}

import Dispatch

/// A value computed on another thread while the caller goes on; `value()` waits for it.
/// A build hashes its inputs this way while ingest reads them, when no previous build
/// could make the hash decide anything sooner.
final class Background<Value: Sendable>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  // Written once on the worker before `done` is signalled, read after waiting for it.
  private var result: Result<Value, Error>?

  init(_ work: @escaping @Sendable () throws -> Value) {
    DispatchQueue.global().async {
      self.result = Result(catching: work)
      self.done.signal()
    }
  }

  /// Waits for the work and returns its value or throws its error (again on every call).
  func value() throws -> Value {
    done.wait()
    done.signal()
    return try result!.get()
  }
}

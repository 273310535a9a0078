public import Foundation
public import Testing

extension Tag {
    /// Tests whose full size takes minutes: they run small by default and at full size under
    /// `make stress` (`VANTHU_STRESS=1`).
    @Tag public static var stress: Self
}

/// The size of a stress test: small in `make test`, full in `make stress`.
public enum Stress {
    /// True under `make stress`.
    public static let full = ProcessInfo.processInfo.environment["VANTHU_STRESS"] == "1"

    /// `quick` by default, `full` under `make stress`.
    public static func size(quick: Int, full: Int) -> Int { Stress.full ? full : quick }
}

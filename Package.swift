// swift-tools-version:6.0
import PackageDescription

// No package dependencies: only the toolchain's modules and two system libraries
// from Debian (`libcmark-dev`, `libsqlite3-dev`).
let package = Package(
  name: "Folio",
  products: [
    .executable(name: "folio", targets: ["folio"]),
    .library(name: "FolioKit", targets: ["FolioKit"]),
  ],
  targets: [
    .systemLibrary(
      name: "CCmark", path: "Sources/CCmark", pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"])]),
    .systemLibrary(
      name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]),
    .target(name: "FolioKit", dependencies: ["CCmark", "CSQLite"]),
    .executableTarget(name: "folio", dependencies: ["FolioKit"]),
    .executableTarget(name: "folio-bench", dependencies: ["FolioKit"], path: "Sources/folio-bench"),
    .testTarget(
      name: "FolioKitTests", dependencies: ["FolioKit"],
      exclude: ["Fixtures", "Snapshots"]),
  ]
)

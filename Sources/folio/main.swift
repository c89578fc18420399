import Foundation
import FolioKit

// Thin shell: FolioKit parses, runs and maps errors; this file only exits.
exit(CommandLine.run(Array(CommandLine.arguments.dropFirst())))

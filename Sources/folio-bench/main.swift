import FolioKit

print("no benchmarks yet")

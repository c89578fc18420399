import FolioKit

runChartsBench()

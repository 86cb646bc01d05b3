/** The console's reorder view: `demandReport` (staff callable), read on opening and on "Refresh". */
import { DemandReportOutputSchema, type DemandReportOutput } from "@showroom/model";
import { callable } from "../../../lib/callables";
import { useReadOnce } from "../../../lib/use-read-once";

const demandReport = callable<Record<string, never>, DemandReportOutput>("demandReport", DemandReportOutputSchema);

export function useDemandReport(generation: number) {
  return useReadOnce(`demand-report-${generation}`, () => demandReport({}));
}

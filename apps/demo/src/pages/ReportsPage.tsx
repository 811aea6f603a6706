import { ReportBuilder } from '@masetra/react';
import { BarChart, LineChart, PieChart } from '@masetra/react/charts';
import { Page } from '../routing/Page';

/** The chart components the demo's screens draw with; the charts entry is loaded by these pages only. */
export const demoCharts = { BarChart, LineChart, PieChart };

/** `/reports`: reports built, saved and exported on the server's report API. */
export function ReportsPage() {
  return (
    <Page title="Reports">
      <ReportBuilder title="Build a report" charts={demoCharts} />
    </Page>
  );
}

/** Reporting: reports computed by the database, the built-in KPIs, saved reports. Internal to the kit. */

export { savedReportQuery } from './checkSavedReport';
export { computeKpis, defaultKpiPeriod, type KpiPeriod } from './computeKpis';
export { doneStates } from './doneStates';
export { reportHandlers } from './reportRouteHandlers';
export { type ReportQueryInput, type RunReportOptions, runReport } from './runReport';

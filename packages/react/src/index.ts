// biome-ignore-all assist/source/organizeImports: the barrel keeps the Types / Core split of STYLE.md
'use client';

/** Types */
export type { AuditFindingsProps, AuditFindingsSlot } from './audit/AuditFindings';
export { AuditFindings } from './audit/AuditFindings';
export type { AuditTrailTimelineProps, AuditTrailTimelineSlot } from './audit-trail/AuditTrailTimeline';
export { AuditTrailTimeline } from './audit-trail/AuditTrailTimeline';
export type { CapaTask, CapaTasksProps, CapaTasksSlot, ExtensionRequest } from './capa/CapaTasks';
export { CapaTasks } from './capa/CapaTasks';
export type { MyCapaTasksProps, MyCapaTasksSlot } from './capa/MyCapaTasks';
export { MyCapaTasks } from './capa/MyCapaTasks';
export { useMyCapaTasks } from './capa/useMyCapaTasks';
export type { DashboardProps, DashboardSlot } from './dashboard/Dashboard';
export { Dashboard } from './dashboard/Dashboard';
export { twelveMonthsTo, useKpis } from './dashboard/useKpis';
export type { RecordTypeFigures } from './dashboard/useRecordTypeFigures';
export { useRecordTypeFigures } from './dashboard/useRecordTypeFigures';
export type { ChartPoint, ChartProps, ChartSeries } from './charts/chartData';
export type { QmsCharts } from './reports/qmsCharts';
export type { ReportBuilderProps, ReportBuilderSlot } from './reports/ReportBuilder';
export { ReportBuilder } from './reports/ReportBuilder';
export type { ReportChartKind, ReportDefinition } from './reports/reportDefinition';
export { useReport } from './reports/useReport';
export {
  useCreateSavedReport,
  useDeleteSavedReport,
  useSavedReports,
  useUpdateSavedReport,
} from './reports/useSavedReports';
export { useManagementReviewPdf } from './reports/ReportExports';
export type { RecordExportButtonsProps } from './table/RecordExportButtons';
export { RecordExportButtons } from './table/RecordExportButtons';
export type { RecordImportProps } from './imports/RecordImport';
export { RecordImport } from './imports/RecordImport';
export type { RecordImport as RecordImportHandle, RecordImportState } from './imports/useRecordImport';
export { useRecordImport } from './imports/useRecordImport';
export type { RecordExport, RecordExportRequest, RecordExportState } from './table/useRecordExport';
export { useRecordExport } from './table/useRecordExport';
export { useRecordPdf } from './detail/RecordPdfButton';
export type { AttachmentListProps, AttachmentListSlot } from './detail/AttachmentList';
export { AttachmentList } from './detail/AttachmentList';
export type { CommentThreadProps, CommentThreadSlot } from './detail/CommentThread';
export { CommentThread } from './detail/CommentThread';
export { defaultRecordViews } from './detail/defaultRecordViews';
export type { RecordDetailProps, RecordDetailSection, RecordDetailSlot } from './detail/RecordDetail';
export { RecordDetail } from './detail/RecordDetail';
export type {
  RecordView,
  RecordViewContext,
  RecordViews,
  RecordViewSection,
  RecordViewSectionProps,
  ViewedRecord,
} from './detail/recordView';
export type { SignatureListProps, SignatureListSlot } from './detail/SignatureList';
export { SignatureList } from './detail/SignatureList';
export type { RecordLinkPickerProps } from './links/RecordLinkPicker';
export { RecordLinkPicker } from './links/RecordLinkPicker';
export type { RecordLinksProps, RecordLinksSlot } from './links/RecordLinks';
export { RecordLinks } from './links/RecordLinks';
export type { HostObjectLinkProps } from './links/HostObjectLink';
export { HostObjectLink } from './links/HostObjectLink';
export type { TraceabilityProps, TraceabilitySlot } from './links/Traceability';
export { Traceability } from './links/Traceability';
export { useAddLink, useRecordLinks, useRemoveLink } from './links/useRecordLinks';
export { useTrace } from './links/useTrace';
export type { DocumentVersionsProps, DocumentVersionsSlot } from './document/DocumentVersions';
export { DocumentVersions } from './document/DocumentVersions';
export type { DocumentContentFileProps, DocumentContentFileSlot } from './document/DocumentContentFile';
export { DocumentContentFile } from './document/DocumentContentFile';
export type {
  DocumentVersionHistoryProps,
  DocumentVersionHistorySlot,
} from './document/DocumentVersionHistory';
export { DocumentVersionHistory } from './document/DocumentVersionHistory';
export type { DocumentDownload } from './document/useDocumentControl';
export {
  documentVersionsKey,
  useDocumentDownload,
  useDocumentVersions,
  useStartRevision,
  useUploadDocumentContent,
} from './document/useDocumentControl';
export type { FieldDescriptor, FieldKind, FieldSchema } from './form/describeField';
// Plain functions behind the components
export { describeField } from './form/describeField';
export type { RecordFormProps, RecordFormSlot } from './form/RecordForm';
export { RecordForm } from './form/RecordForm';
// Hooks
export { qmsKeys } from './hooks/qmsKeys';
export { useAttachments, useUploadAttachment } from './hooks/useAttachments';
export { useAuditTrail, useChainVerification } from './hooks/useAuditTrail';
export { useAddComment, useComments } from './hooks/useComments';
export { useCreateRecord } from './hooks/useCreateRecord';
export type { Lifecycle, LifecycleMove } from './hooks/useLifecycle';
export { useLifecycle } from './hooks/useLifecycle';
export { useMarkNotificationRead, useNotifications } from './hooks/useNotifications';
export { useRecord } from './hooks/useRecord';
export type { RecordQuery } from './hooks/useRecords';
export { useRecords } from './hooks/useRecords';
export type { RecordTypeRef } from './hooks/useRecordType';
export { useRecordType } from './hooks/useRecordType';
export { useSignatures } from './hooks/useSignatures';
export type { TransitionVariables } from './hooks/useTransition';
export { useTransition } from './hooks/useTransition';
export type { UpdateRecordVariables } from './hooks/useUpdateRecord';
export { useUpdateRecord } from './hooks/useUpdateRecord';
export { de } from './i18n/de';
// Messages
export { en } from './i18n/en';
export type { Formatters } from './i18n/format';
export type { Labels } from './i18n/labels';
export type { MessageKey, MessageOverrides, MessageParams, Messages, Translator } from './i18n/messages';
export { createTranslator } from './i18n/messages';
export type { ClassNames } from './internal/classNames';
export type {
  DeviationInvestigationProps,
  DeviationInvestigationSlot,
} from './deviation/DeviationInvestigation';
export { DeviationInvestigation } from './deviation/DeviationInvestigation';
export type {
  FishboneCategory,
  FishboneCause,
  FishboneEditorProps,
  FishboneEditorSlot,
} from './deviation/FishboneEditor';
export { FishboneEditor } from './deviation/FishboneEditor';
export type { FiveWhyEditorProps, FiveWhyEditorSlot, FiveWhyStep } from './deviation/FiveWhyEditor';
export { FiveWhyEditor } from './deviation/FiveWhyEditor';
export type { LifecycleActionBarProps, LifecycleActionBarSlot } from './lifecycle/LifecycleActionBar';
export { LifecycleActionBar } from './lifecycle/LifecycleActionBar';
export type { ReasonDialogProps, ReasonDialogSlot } from './lifecycle/ReasonDialog';
export { ReasonDialog } from './lifecycle/ReasonDialog';
export type { NotificationsListProps, NotificationsListSlot } from './notifications/NotificationsList';
export { NotificationsList } from './notifications/NotificationsList';
/** Training (read and understood) */
export * from './training';
export * from './webhooks';
export type { QmsClient, QmsContextValue, QmsPrincipal, SignerReauthentication } from './provider/QmsContext';
export type { QmsProviderProps, QmsTheme, QmsThemeName } from './provider/QmsProvider';
/** Core */
// Provider
export { createQmsQueryClient, QmsProvider } from './provider/QmsProvider';
export { useQms } from './provider/useQms';
export type { SignatureDialogProps, SignatureDialogSlot } from './signature/SignatureDialog';
export { SignatureDialog } from './signature/SignatureDialog';
export type { StateBadgeProps } from './state-badge/StateBadge';
export { StateBadge } from './state-badge/StateBadge';
export type { StateKind } from './state-badge/stateKind';
export { stateKindOf } from './state-badge/stateKind';
export type { RecordTableProps, RecordTableSlot } from './table/RecordTable';
// Components
export { RecordTable } from './table/RecordTable';

import { auditView } from '../audit/auditView';
import { capaView } from '../capa/capaView';
import { deviationView } from '../deviation/deviationView';
import { documentView } from '../document/documentView';
import { findingView } from '../finding/findingView';
import type { RecordViews } from './recordView';

/**
 * The built-in record types' views: a deviation's investigation, a CAPA's tasks, a document's
 * versions, an audit's findings, a finding's audit. A host's `views` are merged over them.
 */
export const defaultRecordViews: RecordViews = {
  deviation: deviationView,
  capa: capaView,
  document: documentView,
  audit: auditView,
  finding: findingView,
};

/** `GET /{collection}/{id}/export.pdf`: the record dossier, for whoever may read the record. */
import { auditExport } from '../exports/auditExport';
import { authorize } from '../http/authorize';
import { type RequestContext, recordTypeOf } from '../http/KitContext';
import { parseParams } from '../http/parseInput';
import { problems } from '../http/problems';
import { pdfPrintOf, pdfResponse } from './pdfContext';
import { readRecordDossier } from './recordDossier';
import { writeRecordDossierPdf } from './writeRecordDossierPdf';

export async function recordDossierPdfHandler(context: RequestContext): Promise<Response> {
  const recordType = recordTypeOf(context);
  const { id } = parseParams(context.route.params, context.params) as { id: string };
  authorize(context, recordType, 'read');
  const dossier = await readRecordDossier(context, recordType, id);
  if (!dossier) throw problems.notFound(`No ${recordType.name} with that id.`);
  const { record } = dossier;
  await auditExport(context.kit.storage.db, context, {
    what: `${recordType.collection}/${record.id}`,
    format: 'pdf',
    rows: 1,
    recordId: record.id,
    recordNumber: record.number,
  });
  const pdf = writeRecordDossierPdf(dossier, await pdfPrintOf(context));
  return pdfResponse(pdf, `${record.number}.pdf`);
}

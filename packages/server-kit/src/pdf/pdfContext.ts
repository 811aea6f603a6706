/** What every PDF export of a request prints besides its content: organization, reader's language, who printed it and when. */
import { Readable } from 'node:stream';
import type { RequestContext } from '../http/KitContext';
import { type PdfText, pdfLocaleOf, pdfText } from './pdfMessages';

export interface PdfPrint {
  text: PdfText;
  organizationName: string;
  printedBy: string;
  printedAt: Date;
}

export async function pdfPrintOf(context: RequestContext): Promise<PdfPrint> {
  const { principal } = context;
  const name = await context.kit.options.organizationName?.(principal.orgId);
  return {
    text: pdfText(pdfLocaleOf(context)),
    organizationName: name || principal.orgId,
    printedBy: `${principal.displayName} (${principal.userId})`,
    printedAt: context.kit.now(),
  };
}

/** A PDF streamed as the answer; it is never cached, as it names who printed it. */
export function pdfResponse(pdf: Readable, fileName: string): Response {
  return new Response(Readable.toWeb(pdf) as ReadableStream<Uint8Array>, {
    status: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'no-store',
    },
  });
}

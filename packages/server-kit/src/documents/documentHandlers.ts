import type { RouteKind } from '@masetra/core';
import type { RequestContext } from '../http/KitContext';
import { documentControlledCopyHandler, documentSignaturePageHandler } from './controlledCopyHandlers';
import { downloadDocumentContentHandler } from './downloadContent';
import { documentKindsHandler, setDocumentKindPrefixHandler } from './kindPrefixHandlers';
import { documentVersionsHandler, reviseDocumentHandler } from './revisionHandlers';
import { uploadDocumentContentHandler } from './uploadContent';

/** The handlers of core's `documentRoutes`, by route kind. */
export const documentHandlers = {
  uploadDocumentContent: uploadDocumentContentHandler,
  downloadDocumentContent: downloadDocumentContentHandler,
  documentControlledCopy: documentControlledCopyHandler,
  documentSignaturePage: documentSignaturePageHandler,
  documentVersions: documentVersionsHandler,
  reviseDocument: reviseDocumentHandler,
  documentKinds: documentKindsHandler,
  setDocumentKindPrefix: setDocumentKindPrefixHandler,
} satisfies Partial<Record<RouteKind, (context: RequestContext) => Promise<Response>>>;

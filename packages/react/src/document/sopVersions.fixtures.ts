// One document number in three versions, for the document-control stories and tests: the
// superseded 1.0, the effective 2.0 (a PDF) and a draft revision 2.1 (a DOCX). Built on the
// fixture documents, so every other field stays valid for its state.
import type { ControlledDocument, DocumentContentFile } from '@masetra/core';
import { fixtureDocuments, fixtureId, fixtureTime, fixtureUsers } from '@masetra/fixtures';

const file = (n: number, fileName: string, mediaType: DocumentContentFile['mediaType'], day: number) => ({
  attachmentId: fixtureId(n),
  fileName,
  mediaType,
  sizeBytes: 184_320 + n,
  sha256: `3f5a9c07e1b2${n.toString(16).padStart(4, '0')}`.padEnd(64, 'd'),
  uploadedBy: fixtureUsers.dora.id,
  uploadedAt: fixtureTime(day, 10, 15),
});

const number = 'SOP-0001';

export const sopVersions = {
  superseded: {
    ...fixtureDocuments.superseded,
    id: fixtureId(7_301),
    number,
    createdAt: fixtureTime(1),
    contentFile: file(7_401, 'SOP-0001 Cold-chain receipt v1.pdf', 'application/pdf', 1),
  },
  effective: {
    ...fixtureDocuments.effective,
    id: fixtureId(7_302),
    number,
    versionLabel: '2.0',
    createdAt: fixtureTime(6),
    ownerId: fixtureUsers.dana.id,
    supersedesId: fixtureId(7_301),
    contentFile: file(7_402, 'SOP-0001 Cold-chain receipt v2.pdf', 'application/pdf', 6),
  },
  draft: {
    ...fixtureDocuments.draft,
    id: fixtureId(7_303),
    number,
    versionLabel: '2.1',
    createdAt: fixtureTime(22),
    supersedesId: fixtureId(7_302),
    contentFile: file(
      7_403,
      'SOP-0001 Cold-chain receipt v2.1.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      22,
    ),
  },
} satisfies Record<string, ControlledDocument>;

/** The three versions as a fake server's records. */
export const sopVersionRecords: ControlledDocument[] = Object.values(sopVersions);

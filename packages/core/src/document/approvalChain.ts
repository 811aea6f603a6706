import type { ApprovalChain } from '../record-type/lifecycleGuards';
import type { ControlledDocument } from './schema';
import { versionLabelOf } from './versionLabel';

/** The roles of a document version's approval chain; its approver is the third person. */
export type DocumentChainRole = 'author' | 'reviewer';

/**
 * Who authored and who reviewed the version in work. Its author is whoever submitted it for
 * review, not the document's creator: after requested changes someone else may take the text
 * up, and the creator and owner are barred from approving by `actorIsIndependent` anyway.
 * Requested changes start a new chain (the next minor version), and so does a revision (a new
 * document).
 *
 * @example
 * documentApprovalChain(document); // { subject: 'DOC-2026-0001 v0.2', holders: { author: 'user-dana' } }
 */
export function documentApprovalChain(
  document: Pick<ControlledDocument, 'number' | 'versionLabel' | 'authoredBy' | 'reviewedBy'>,
): ApprovalChain<DocumentChainRole> {
  return {
    subject: `${document.number} v${versionLabelOf(document)}`,
    holders: { author: document.authoredBy, reviewer: document.reviewedBy },
  };
}

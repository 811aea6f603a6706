import type { SignatureMeaning } from './signatureMeaning';

/**
 * Metadata on a lifecycle transition. The machines carry it in XState's transition `meta`,
 * so the rule "this move needs a signature" lives in the machine and nowhere else.
 */
export interface TransitionMeta {
  /** The move needs an electronic signature with this meaning. */
  signature?: SignatureMeaning;
  /** The move needs a written reason. */
  reason?: boolean;
  /** Only a system actor (a scheduled job) takes this move, never a person. */
  system?: boolean;
  /** A system move the scheduler tries on its own, whenever the guards allow (a date reached). */
  scheduled?: boolean;
  /** Human explanation of a guard, shown when the move is refused. */
  requires?: string;
}

import type * as z from 'zod/mini';
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
  /**
   * The shape of the event's `data`: the move carries facts a screen of its own collects (the
   * new due date of an extension request). Without it, a move takes no data. Such a move is not
   * offered by `availableEvents`: the action bar has nothing to collect its data with.
   */
  data?: z.ZodMiniType<Record<string, unknown>>;
}

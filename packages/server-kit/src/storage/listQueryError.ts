/** Why a list query was refused; the HTTP layer answers 400 with `parameter` as the pointer. */
export type ListQueryErrorCode =
  | 'unknown_sort'
  | 'unknown_filter'
  | 'invalid_cursor'
  | 'invalid_filter_value';

/** A list query (sort, filter, cursor) that names something the record type does not offer. */
export class ListQueryError extends Error {
  override readonly name = 'ListQueryError';
  constructor(
    readonly code: ListQueryErrorCode,
    /** The query parameter at fault: `sort`, `cursor`, or the filter's name. */
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

import type { RecordBase, RecordOf, RecordType } from '@masetra/core';
import {
  type ColumnDef,
  type ColumnVisibilityState,
  columnVisibilityFeature,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, type ReactNode, useId, useMemo, useRef, useState } from 'react';
import { type RecordQuery, useRecords } from '../hooks/useRecords';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { type ClassNames, useSlots } from '../internal/classNames';
import { FieldValue } from '../internal/FieldValue';
import { describeError } from '../internal/problems';
import { useDebouncedValue } from '../internal/useDebouncedValue';
import { VisuallyHidden } from '../internal/VisuallyHidden';
import { useQms } from '../provider/useQms';
import { StateBadge } from '../state-badge/StateBadge';
import { type ChoosableColumn, ColumnChooser } from './ColumnChooser';
import { RecordExportButtons } from './RecordExportButtons';
import { type RecordTableFilters, RecordTableToolbar } from './RecordTableToolbar';
import {
  availableColumnsOf,
  columnTrack,
  defaultColumnsOf,
  sortableColumnsOf,
  sortOf,
} from './recordColumns';
import { useRowKeyboardNavigation } from './useRowKeyboardNavigation';
import { useScrollPaging } from './useScrollPaging';

export type RecordTableSlot =
  | 'root'
  | 'toolbar'
  | 'columnChooser'
  | 'columnPanel'
  | 'scroller'
  | 'table'
  | 'head'
  | 'headerCell'
  | 'sortButton'
  | 'body'
  | 'row'
  | 'cell'
  | 'state'
  | 'footer';

export interface RecordTableProps<T extends RecordType = RecordType> {
  /** The record type, or its name in the provider's registry. */
  recordType: RecordTypeRef<T>;
  /** Columns shown first, by field name; number, title, state and a few more by default. */
  columns?: readonly string[];
  /** Columns the user may choose from; every scalar field by default. */
  availableColumns?: readonly string[];
  /** The sort when no column is sorted, e.g. `-createdAt` (the default). */
  defaultSort?: string;
  /** Fixed filters the user does not change, e.g. `{ auditId }` or `{ state: 'in_approval' }`. */
  filters?: Readonly<Record<string, string>>;
  /** Filters offered in the toolbar; `state` and the type's `filterFields` by default. */
  filterFields?: readonly string[];
  /** Offer full-text search. Default true. */
  searchable?: boolean;
  /** Offer the column chooser. Default true. */
  columnChooser?: boolean;
  /** Offer "Export CSV" and "Export Excel" of the list with its filters and shown columns. Default true. */
  exportable?: boolean;
  /** Records per request. Default 50. */
  pageSize?: number;
  /** Height of the scrolling area. Default 480 px. */
  height?: number;
  /** Height of one row in px. Default 44. */
  rowHeight?: number;
  /** Called when a row is opened (click or Enter). */
  onOpenRecord?: (record: RecordOf<T>) => void;
  /** The table's accessible name; the record type's plural by default. */
  label?: string;
  /** A cell of your own for a column, or `undefined` for the default. */
  renderCell?: (record: RecordOf<T>, column: string) => ReactNode | undefined;
  className?: string;
  classNames?: ClassNames<RecordTableSlot>;
}

type Row = RecordBase & Record<string, unknown>;

// Server-side sorting and column choice; no client row models, so none are registered.
const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature });

const noRows: Row[] = [];

/**
 * Observes the scroller's size. A scroller that has no layout yet (server render, a hidden
 * tab, jsdom) reports height 0; the table then assumes its own height rather than render nothing.
 */
function observeRect(fallbackHeight: number) {
  return (
    instance: Virtualizer<HTMLDivElement, Element>,
    callback: (rect: { width: number; height: number }) => void,
  ) =>
    observeElementRect(instance, (rect) =>
      callback(rect.height === 0 ? { width: rect.width, height: fallbackHeight } : rect),
    );
}

/**
 * A server-sorted, server-filtered, cursor-paged list of records of one type, with
 * virtualised rows (10,000 scroll smoothly), a column chooser, and keyboard navigation:
 * arrow keys, Home, End, Page Up and Page Down move between rows; Enter opens one.
 *
 * @example
 * <RecordTable recordType="deviation" defaultSort="-createdAt" onOpenRecord={(deviation) => open(deviation.id)} />
 */
export function RecordTable<T extends RecordType = RecordType>({
  recordType,
  columns,
  availableColumns,
  defaultSort = '-createdAt',
  filters: fixedFilters,
  filterFields,
  searchable = true,
  columnChooser = true,
  exportable = true,
  pageSize = 50,
  height = 480,
  rowHeight = 44,
  onOpenRecord,
  label,
  renderCell,
  className,
  classNames,
}: RecordTableProps<T>) {
  const qms = useQms();
  const { t, labels, format } = qms;
  const type = useRecordType(recordType);
  const slots = useSlots('record-table', className, classNames);
  const id = useId();

  const choosable = availableColumns ?? availableColumnsOf(type);
  const shown = columns ?? defaultColumnsOf(type);
  // The column set, as a key: hosts often pass inline arrays, which must not rebuild the table.
  const columnsKey = [...new Set([...shown, ...choosable])].join(',');
  const columnIds = useMemo(() => columnsKey.split(','), [columnsKey]);
  const sortable = useMemo(() => sortableColumnsOf(type), [type]);
  const offeredFilters = (filterFields ?? ['state', ...type.filterFields]).filter(
    (field) => !fixedFilters || !(field in fixedFilters),
  );

  const [sorting, setSorting] = useState<SortingState>([]);
  const [columnVisibility, setColumnVisibility] = useState<ColumnVisibilityState>(() =>
    Object.fromEntries(choosable.map((field) => [field, shown.includes(field)])),
  );
  const [filters, setFilters] = useState<RecordTableFilters>({ q: '', fields: {} });
  const settled = useDebouncedValue(filters, 300);

  const query: RecordQuery = {
    sort: sortOf(sorting) ?? defaultSort,
    q: settled.q,
    filters: { ...settled.fields, ...fixedFilters },
    pageSize,
  };
  const result = useRecords(type, query);
  const records = (result.data as Row[] | undefined) ?? noRows;

  const columnDefs = useMemo<ColumnDef<typeof features, Row, unknown>[]>(
    () =>
      columnIds.map((field) => ({
        id: field,
        accessorFn: (row: Row) => row[field],
        header: labels.field(type.name, field),
        enableSorting: sortable.has(field),
        sortDescFirst: false,
        cell: ({ row }: { row: { original: Row } }) => {
          const custom = renderCell?.(row.original as RecordOf<T>, field);
          if (custom !== undefined) return custom;
          if (field === 'state') return <StateBadge recordType={type} state={row.original.state} />;
          return <FieldValue recordType={type} field={field} value={row.original[field]} />;
        },
      })),
    [columnIds, type, labels, sortable, renderCell],
  );

  const table = useTable({
    features,
    columns: columnDefs,
    data: records,
    getRowId: (row) => row.id,
    state: { sorting, columnVisibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setColumnVisibility,
    manualSorting: true,
    enableMultiSort: false,
  });

  const rows = table.getRowModel().rows;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const visibleColumns = headers.map((header) => header.column.id);
  const tracks = visibleColumns.map((field) => columnTrack(type, field)).join(' ');

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 8,
    initialRect: { width: 0, height },
    observeElementRect: observeRect(height),
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastRendered = virtualRows.at(-1)?.index ?? -1;

  const { hasNextPage, isFetchingNextPage, fetchNextPage, isFetchNextPageError } = result;
  useScrollPaging(result, lastRendered, rows.length);

  const navigation = useRowKeyboardNavigation({
    rowCount: rows.length,
    rowsPerPage: Math.max(1, Math.floor(height / rowHeight) - 1),
    containerRef: scrollRef,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    onOpen: onOpenRecord
      ? (index) => {
          const row = rows[index];
          if (row) onOpenRecord(row.original as RecordOf<T>);
        }
      : undefined,
  });

  const chooserColumns: ChoosableColumn[] = table
    .getAllLeafColumns()
    .filter((column) => choosable.includes(column.id))
    .map((column) => ({
      id: column.id,
      label: labels.field(type.name, column.id),
      visible: column.getIsVisible(),
      toggle: (visible) => column.toggleVisibility(visible),
    }));

  const tableLabel = label ?? labels.recordType(type.name, true);
  const rowStyle: CSSProperties = { display: 'grid', gridTemplateColumns: tracks, width: '100%' };
  const status = result.isPending
    ? t('common.loading')
    : t(hasNextPage ? 'table.countMore' : 'table.count', { count: format.number(rows.length) });

  // The explicit table roles are not redundant here: `display: grid` (which row virtualisation
  // needs) drops the native table semantics in some browsers.
  // biome-ignore-start lint/a11y/noRedundantRoles: see above
  return (
    <div className={slots('root')}>
      <RecordTableToolbar
        recordType={type}
        filters={filters}
        filterFields={offeredFilters}
        searchable={searchable}
        onChange={setFilters}
        slots={slots}
      >
        {columnChooser && <ColumnChooser columns={chooserColumns} slots={slots} />}
        {exportable && (
          <RecordExportButtons
            recordType={type}
            query={{ ...query.filters, q: query.q, sort: query.sort }}
            columns={visibleColumns}
            rowCount={result.isSuccess && !hasNextPage ? rows.length : undefined}
          />
        )}
      </RecordTableToolbar>
      <div
        ref={scrollRef}
        className={slots('scroller')}
        style={{ height, overflow: 'auto', position: 'relative' }}
      >
        <table
          className={slots('table')}
          role="table"
          aria-label={tableLabel}
          aria-describedby={`${id}-instructions`}
          aria-rowcount={hasNextPage ? -1 : rows.length + 1}
          aria-busy={result.isFetching}
          style={{ display: 'grid' }}
        >
          <thead
            className={slots('head')}
            role="rowgroup"
            style={{ display: 'grid', position: 'sticky', top: 0, zIndex: 1 }}
          >
            <tr role="row" aria-rowindex={1} style={rowStyle}>
              {headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    role="columnheader"
                    scope="col"
                    className={slots('headerCell')}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        className={slots('sortButton')}
                        onClick={header.column.getToggleSortingHandler()}
                        data-sorted={sorted || undefined}
                      >
                        <table.FlexRender header={header} />
                        <span aria-hidden="true">
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody
            className={slots('body')}
            role="rowgroup"
            style={{ display: 'grid', position: 'relative', height: virtualizer.getTotalSize() }}
          >
            {virtualRows.map((virtualRow) => {
              const row = rows[virtualRow.index];
              if (!row) return null;
              return (
                <tr
                  key={row.id}
                  role="row"
                  data-index={virtualRow.index}
                  aria-rowindex={virtualRow.index + 2}
                  {...navigation.rowProps(virtualRow.index)}
                  className={slots('row')}
                  data-state={row.original.state}
                  data-openable={onOpenRecord ? true : undefined}
                  onClick={() => onOpenRecord?.(row.original as RecordOf<T>)}
                  style={{
                    ...rowStyle,
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    height: rowHeight,
                    transform: `translateY(${virtualRow.start}px)`,
                  }}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} role="cell" className={slots('cell')} data-column={cell.column.id}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        {result.isError && !isFetchNextPageError ? (
          <div className={slots('state')} role="alert">
            <p>{t('table.error')}</p>
            <p>{describeError(t, result.error)}</p>
            <button type="button" className={slots.ui('button')} onClick={() => void result.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : result.isSuccess && rows.length === 0 ? (
          <div className={slots('state')} data-empty="">
            <p>{t('table.empty')}</p>
            <p>{t('table.emptyHint')}</p>
          </div>
        ) : result.isPending ? (
          <div className={slots('state')} data-loading="" aria-hidden="true">
            {t('common.loading')}
          </div>
        ) : null}
      </div>
      <div className={slots('footer')}>
        <span role="status">{status}</span>
        {isFetchNextPageError && (
          <span role="alert">
            {describeError(t, result.error)}{' '}
            <button type="button" className={slots.ui('button')} onClick={() => void fetchNextPage()}>
              {t('common.retry')}
            </button>
          </span>
        )}
        {hasNextPage && !isFetchNextPageError && (
          <button
            type="button"
            className={slots.ui('button')}
            disabled={isFetchingNextPage}
            onClick={() => void fetchNextPage()}
          >
            {isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
          </button>
        )}
      </div>
      <VisuallyHidden id={`${id}-instructions`}>{t('table.instructions')}</VisuallyHidden>
    </div>
  );
  // biome-ignore-end lint/a11y/noRedundantRoles: see above
}

import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useRef } from 'react';
import { reportHandlers } from '../testing/reportHandlers';
import type { Shown } from '../testing/storyShows';
import { withQms } from '../testing/withQms';
import { RecordExportButtons } from './RecordExportButtons';

/** Clicks the story's button of this name once it is drawn: a story of what the click starts. */
function clicking(name: RegExp): Decorator {
  return (Story) => {
    const root = useRef<HTMLDivElement>(null);
    useEffect(() => {
      const button = [...(root.current?.querySelectorAll('button') ?? [])].find((candidate) =>
        name.test(candidate.textContent ?? ''),
      );
      button?.click();
    }, []);
    return (
      <div ref={root}>
        <Story />
      </div>
    );
  };
}

const meta = {
  title: 'Lists/RecordExportButtons',
  component: RecordExportButtons,
  decorators: [withQms],
  args: {
    recordType: 'deviation',
    query: { state: 'in_investigation', sort: '-createdAt' },
    columns: ['number', 'title', 'state', 'severity'],
  },
  parameters: {
    msw: { handlers: reportHandlers({ countForExport: 4200, exportRows: 4200, rowsPerPoll: 0 }) },
  },
} satisfies Meta<typeof RecordExportButtons>;

export default meta;
type Story = StoryObj<typeof meta>;

const buttons: Shown[] = [
  { role: 'group', name: 'Export' },
  { role: 'button', name: 'Export CSV' },
  { role: 'button', name: 'Export Excel' },
];

export const Buttons: Story = { parameters: { shows: buttons } };
/** More rows than a page: the export runs as a job, its progress shown until the file is ready. */
export const JobInProgress: Story = {
  // Its decorator inside withQms: the click needs the provider's client.
  decorators: [clicking(/Excel/)],
  parameters: {
    shows: [
      {
        role: 'progressbar',
        name: 'Export of deviations-2026-04-15.xlsx',
        description: '1,470 of 4,200 rows',
      },
      { role: 'button', name: 'Export Excel', disabled: true },
    ],
  },
};
export const JobInProgressGerman: Story = {
  decorators: [clicking(/Excel/)],
  parameters: {
    qms: { locale: 'de' },
    shows: [
      {
        role: 'progressbar',
        name: 'Export von deviations-2026-04-15.xlsx',
        description: '1.470 von 4.200 Zeilen',
      },
    ],
  },
};
export const JobInProgressDark: Story = {
  decorators: [clicking(/Excel/)],
  parameters: {
    qms: { theme: 'dark' },
    shows: [{ role: 'progressbar', name: 'Export of deviations-2026-04-15.xlsx' }],
  },
};
export const SmallListDownloads: Story = {
  args: { rowCount: 12 },
  decorators: [clicking(/CSV/)],
  parameters: { shows: [{ role: 'status', text: 'deviations.csv is downloaded.' }] },
};

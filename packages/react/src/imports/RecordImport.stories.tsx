import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useRef } from 'react';
import { withQms } from '../testing/withQms';
import { importHandlers, legacyCsv } from './importStory';
import { RecordImport } from './RecordImport';

/** Chooses a file in the story's file input once it is drawn, then clicks a button whose text matches, if named. */
function choosing(thenClick?: RegExp): Decorator {
  return (Story) => {
    const root = useRef<HTMLDivElement>(null);
    useEffect(() => {
      const input = root.current?.querySelector('input[type="file"]');
      if (!input) return;
      Object.defineProperty(input, 'files', { value: [legacyCsv()] });
      input.dispatchEvent(new Event('change', { bubbles: true }));
      if (!thenClick) return;
      const timer = setInterval(() => {
        const button = [...(root.current?.querySelectorAll('button') ?? [])].find(
          (candidate) => thenClick.test(candidate.textContent ?? '') && !candidate.disabled,
        );
        if (!button) return;
        clearInterval(timer);
        button.click();
      }, 20);
      return () => clearInterval(timer);
    }, []);
    return (
      <div ref={root}>
        <Story />
      </div>
    );
  };
}

const meta = {
  title: 'Lists/RecordImport',
  component: RecordImport,
  decorators: [withQms],
  args: { recordType: 'deviation', pollInterval: 30 },
  parameters: { msw: { handlers: importHandlers() } },
} satisfies Meta<typeof RecordImport>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ChooseFile: Story = {
  parameters: {
    shows: [{ role: 'heading', name: 'Import Deviations' }, { text: 'CSV or Excel file' }],
  },
};
/** The dry run found problems: each by row and column, and nothing can be imported yet. */
export const DryRunProblems: Story = {
  decorators: [choosing()],
  parameters: {
    shows: [
      { role: 'status', text: '4 rows, 2 ready to import' },
      { role: 'table', name: 'Problems' },
      { role: 'cell', name: 'severity' },
      { role: 'cell', name: 'title is required.' },
      { role: 'button', name: 'Import 2 records', disabled: true },
    ],
  },
};
export const DryRunProblemsGerman: Story = {
  decorators: [choosing()],
  parameters: {
    qms: { locale: 'de' },
    shows: [
      { role: 'table', name: 'Probleme' },
      { role: 'columnheader', name: 'Zeile' },
      { role: 'button', name: '2 Datensätze importieren', disabled: true },
    ],
  },
};
/** A clean file imported: the job ran, and the created records are listed. */
export const Imported: Story = {
  decorators: [choosing(/Import 4 records/)],
  parameters: {
    msw: { handlers: importHandlers({ problems: false }) },
    shows: [
      { role: 'status', text: '4 records created' },
      { role: 'list', name: 'Created records' },
      { text: 'DEV-2026-0143' },
    ],
  },
};
export const ImportedDark: Story = {
  decorators: [choosing(/Import 4 records/)],
  parameters: {
    qms: { theme: 'dark' },
    msw: { handlers: importHandlers({ problems: false }) },
    shows: [{ role: 'status', text: '4 records created' }],
  },
};

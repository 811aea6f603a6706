import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useRowKeyboardNavigation } from './useRowKeyboardNavigation';

/** A list of rows as a table renders them: each with `data-index` and the hook's props. */
function Rows({
  count,
  onOpen,
  scrollToIndex = () => {},
}: {
  count: number;
  onOpen?: (index: number) => void;
  scrollToIndex?: (index: number) => void;
}) {
  const containerRef = useRef<HTMLTableSectionElement>(null);
  const navigation = useRowKeyboardNavigation({
    rowCount: count,
    rowsPerPage: 3,
    containerRef,
    scrollToIndex,
    onOpen,
  });
  const names = Array.from({ length: count }, (_, index) => `Row ${index}`);
  return (
    <table>
      <tbody ref={containerRef}>
        {names.map((name, index) => (
          <tr key={name} data-index={index} {...navigation.rowProps(index)}>
            <td>{name}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const row = (index: number) => screen.getByText(`Row ${index}`).closest('tr')!;

describe('useRowKeyboardNavigation', () => {
  it('moves with the arrow keys, Page Up and Down, Home and End, within the rows', async () => {
    const user = userEvent.setup();
    const scrollToIndex = vi.fn();
    render(<Rows count={10} scrollToIndex={scrollToIndex} />);
    row(0).focus();

    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(row(1));
    await user.keyboard('{PageDown}');
    expect(document.activeElement).toBe(row(4));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(row(9));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(row(9));
    await user.keyboard('{PageUp}');
    expect(document.activeElement).toBe(row(6));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(row(0));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(row(0));
    expect(scrollToIndex.mock.calls.map(([index]) => index)).toEqual([1, 4, 9, 9, 6, 0, 0]);
  });

  it('keeps one tab stop, on the row last moved to or focused', async () => {
    const user = userEvent.setup();
    render(<Rows count={4} />);
    const tabStops = () => screen.getAllByRole('row').filter((element) => element.tabIndex === 0);
    expect(tabStops()).toEqual([row(0)]);
    await user.click(row(2));
    expect(tabStops()).toEqual([row(2)]);
    await user.keyboard('{ArrowDown}');
    expect(tabStops()).toEqual([row(3)]);
  });

  it('opens the focused row with Enter, and only when there is something to open it with', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    const { unmount } = render(<Rows count={3} onOpen={onOpen} />);
    row(1).focus();
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith(1);
    unmount();

    render(<Rows count={3} />);
    row(1).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(row(1));
  });

  it('ignores keys that are no move, even ones named like an object’s own properties', async () => {
    const user = userEvent.setup();
    const scrollToIndex = vi.fn();
    render(<Rows count={3} scrollToIndex={scrollToIndex} />);
    row(1).focus();
    await user.keyboard('a');
    expect(scrollToIndex).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(row(1));
  });
});

/** Charts drawn as vector graphics, each value also written as text so the copy reads and searches without the picture. */
import { pdfFont } from './pdfFonts';
import { ensureRoom, grey, textSize } from './pdfLayout';

export const chartColors = { primary: '#2f5d8a', secondary: '#6aa84f' } as const;

export interface Bar {
  label: string;
  value: number;
}

/** Horizontal bars, one a row: the label, the bar scaled to the largest value, the value. */
export function drawBarChart(
  doc: PDFKit.PDFDocument,
  bars: readonly Bar[],
  color: string = chartColors.primary,
): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const labelWidth = 190;
  const valueWidth = 40;
  const barArea = width - labelWidth - valueWidth - 8;
  const rowHeight = 14;
  const largest = Math.max(1, ...bars.map((bar) => bar.value));
  for (const bar of bars) {
    ensureRoom(doc, rowHeight);
    const top = doc.y;
    doc.font(pdfFont.body).fontSize(textSize.body).fillColor('black');
    doc.text(bar.label, left, top + 2, { width: labelWidth, lineBreak: false, ellipsis: true });
    const length = (bar.value / largest) * barArea;
    if (length > 0) doc.rect(left + labelWidth + 4, top + 2, length, rowHeight - 5).fill(color);
    doc.fillColor('black').text(String(bar.value), left + labelWidth + 8 + length, top + 2, {
      width: valueWidth,
      lineBreak: false,
    });
    doc.x = left;
    doc.y = top + rowHeight;
  }
  doc.moveDown(0.5);
}

export interface ColumnGroup {
  label: string;
  values: readonly number[];
}

/**
 * Vertical bars in groups (opened and closed of each month), with a legend; the values stand
 * above their bars.
 */
export function drawGroupedColumns(
  doc: PDFKit.PDFDocument,
  groups: readonly ColumnGroup[],
  series: readonly { name: string; color: string }[],
): void {
  const chartHeight = 150;
  ensureRoom(doc, chartHeight + 50);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const top = doc.y + 14;
  const baseline = top + chartHeight;
  const largest = Math.max(1, ...groups.flatMap((group) => group.values));
  const slot = width / Math.max(1, groups.length);
  const barWidth = Math.min(18, (slot - 6) / series.length);
  doc
    .lineWidth(0.5)
    .strokeColor(grey)
    .moveTo(left, baseline)
    .lineTo(left + width, baseline)
    .stroke();
  groups.forEach((group, index) => {
    const groupLeft = left + index * slot + (slot - barWidth * series.length) / 2;
    group.values.forEach((value, serie) => {
      const height = (value / largest) * (chartHeight - 12);
      const x = groupLeft + serie * barWidth;
      if (height > 0) doc.rect(x, baseline - height, barWidth - 1, height).fill(series[serie]?.color ?? grey);
      doc
        .font(pdfFont.body)
        .fontSize(textSize.stamp)
        .fillColor('black')
        .text(String(value), x - 4, baseline - height - 9, {
          width: barWidth + 8,
          align: 'center',
          lineBreak: false,
        });
    });
    doc
      .fontSize(textSize.stamp)
      .fillColor(grey)
      .text(group.label, left + index * slot, baseline + 3, {
        width: slot,
        align: 'center',
        lineBreak: false,
      });
  });
  let legendX = left;
  const legendY = baseline + 16;
  for (const { name, color } of series) {
    doc.rect(legendX, legendY + 1, 8, 8).fill(color);
    doc
      .fillColor('black')
      .fontSize(textSize.small)
      .text(name, legendX + 12, legendY, { lineBreak: false });
    legendX += 24 + doc.widthOfString(name);
  }
  doc.font(pdfFont.body).fontSize(textSize.body).fillColor('black');
  doc.x = left;
  doc.y = legendY + 18;
}

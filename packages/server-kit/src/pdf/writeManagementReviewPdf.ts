/** Lays out the management review pack: a title page, the key figures, and a chart of each KPI with its numbers. */
import type { Kpis } from '@masetra/core';
import { chartColors, drawBarChart, drawGroupedColumns } from './pdfCharts';
import type { PdfPrint } from './pdfContext';
import { pdfFont } from './pdfFonts';
import { createPdfDocument, grey, heading, labelledValue, paragraph, stampPage, textSize } from './pdfLayout';
import type { PdfText } from './pdfMessages';

function rateOf(text: PdfText, part: number, whole: number, rate: number | null): string {
  if (rate === null) return text.t('pdf.review.notMeasured');
  return text.t('pdf.review.rate', { percent: Math.round(rate * 100), part, whole });
}

/** A severity as its label; a record not yet graded reads as a dash. */
const severityOf = (text: PdfText, severity: string | null) =>
  severity === null ? '—' : (text.knownLabel('value', severity) ?? severity);

/**
 * The review pack as a PDF stream. The KPIs are `computeKpis`' for the period, so the numbers
 * printed are the ones `GET /reports/kpis` answers for it.
 */
export function writeManagementReviewPdf(kpis: Kpis, print: PdfPrint): PDFKit.PDFDocument {
  const { text } = print;
  const period = text.t('pdf.review.period', {
    from: text.dateTime(kpis.period.from),
    to: text.dateTime(kpis.period.to),
  });
  const doc = createPdfDocument({
    title: `${text.t('pdf.review.title')} — ${print.organizationName}`,
    author: print.organizationName,
    bufferPages: true,
    lang: text.locale,
  });

  // The title page.
  doc.y = 260;
  doc.font(pdfFont.bold).fontSize(26).text(text.t('pdf.review.title'), { align: 'center' });
  doc.moveDown(0.6);
  doc.fontSize(16).text(print.organizationName, { align: 'center' });
  doc.moveDown(0.6);
  doc.font(pdfFont.body).fontSize(11).text(period, { align: 'center' });
  doc.moveDown(0.4);
  doc
    .fontSize(textSize.body)
    .fillColor(grey)
    .text(text.t('pdf.review.generatedAt', { time: text.dateTime(kpis.generatedAt) }), { align: 'center' });
  doc.fillColor('black');

  doc.addPage();
  heading(doc, text.t('pdf.review.figures'));
  labelledValue(doc, text.t('pdf.review.overdueDeviations'), String(kpis.overdue.deviations));
  labelledValue(doc, text.t('pdf.review.overdueCapas'), String(kpis.overdue.capas));
  labelledValue(doc, text.t('pdf.review.overdueCapaTasks'), String(kpis.overdue.capaTasks));
  labelledValue(
    doc,
    text.t('pdf.review.capaOnTimeRate'),
    rateOf(text, kpis.capaOnTime.onTime, kpis.capaOnTime.closed, kpis.capaOnTime.rate),
  );
  labelledValue(
    doc,
    text.t('pdf.review.capaEffectivenessRate'),
    rateOf(
      text,
      kpis.capaEffectiveness.effective,
      kpis.capaEffectiveness.checks,
      kpis.capaEffectiveness.rate,
    ),
  );
  labelledValue(
    doc,
    text.t('pdf.review.documentsDueWithin30Days'),
    String(kpis.documentsDueForReview.dueWithin30Days),
  );
  labelledValue(doc, text.t('pdf.review.documentsReviewOverdue'), String(kpis.documentsDueForReview.overdue));

  heading(doc, text.t('pdf.review.openByState'));
  barsOrNone(
    doc,
    text,
    kpis.openByState.map((row) => ({
      label: `${text.label('type', row.recordType)} · ${text.label('state', row.state)}`,
      value: row.count,
    })),
  );

  heading(doc, text.t('pdf.review.openBySeverity'));
  barsOrNone(
    doc,
    text,
    kpis.openBySeverity.map((row) => ({
      label: `${text.label('type', row.recordType)} · ${severityOf(text, row.severity)}`,
      value: row.count,
    })),
  );

  heading(doc, text.t('pdf.review.findingsBySeverity'));
  barsOrNone(
    doc,
    text,
    kpis.findingsBySeverity.map((row) => ({ label: severityOf(text, row.severity), value: row.count })),
  );

  heading(doc, text.t('pdf.review.openedVsClosed'));
  writeOpenedVsClosed(doc, text, kpis);

  const { count } = doc.bufferedPageRange();
  for (let page = 0; page < count; page += 1) {
    doc.switchToPage(page);
    stampPage(doc, {
      top: [
        print.organizationName,
        `${text.t('pdf.review.title')} · ${text.date(kpis.period.from.slice(0, 10))} – ${text.date(kpis.period.to.slice(0, 10))}`,
      ],
      bottom: [
        `${text.t('pdf.printedBy', { name: print.printedBy, time: text.dateTime(print.printedAt) })} · ${text.t('pdf.page', { page: page + 1, pages: count })}`,
      ],
    });
  }
  doc.end();
  return doc;
}

function barsOrNone(doc: PDFKit.PDFDocument, text: PdfText, bars: { label: string; value: number }[]): void {
  if (bars.length === 0) paragraph(doc, text.t('pdf.review.noData'), { color: grey });
  else drawBarChart(doc, bars);
}

/** Every month (`YYYY-MM`) the period touches, so a month without records shows as one. */
function monthsOf(period: Kpis['period']): string[] {
  const months: string[] = [];
  const end = new Date(period.to);
  const at = new Date(period.from);
  at.setUTCDate(1);
  at.setUTCHours(0, 0, 0, 0);
  while (at < end && months.length < 120) {
    months.push(at.toISOString().slice(0, 7));
    at.setUTCMonth(at.getUTCMonth() + 1);
  }
  return months;
}

/** Opened and closed of all types per month as columns, then each month's numbers per type. */
function writeOpenedVsClosed(doc: PDFKit.PDFDocument, text: PdfText, kpis: Kpis): void {
  const rows = kpis.openedClosedByMonth;
  if (rows.length === 0) {
    paragraph(doc, text.t('pdf.review.noData'), { color: grey });
    return;
  }
  const months = new Map<string, [number, number]>(monthsOf(kpis.period).map((month) => [month, [0, 0]]));
  for (const row of rows) {
    const month = row.month.slice(0, 7);
    const totals = months.get(month) ?? [0, 0];
    months.set(month, [totals[0] + row.opened, totals[1] + row.closed]);
  }
  drawGroupedColumns(
    doc,
    [...months]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, values]) => ({ label: month.slice(2), values })),
    [
      { name: text.t('pdf.review.opened'), color: chartColors.primary },
      { name: text.t('pdf.review.closed'), color: chartColors.secondary },
    ],
  );
  for (const row of rows) {
    if (row.opened === 0 && row.closed === 0) continue;
    paragraph(
      doc,
      text.t('pdf.review.openedClosedRow', {
        month: row.month.slice(0, 7),
        type: text.label('type', row.recordType),
        opened: row.opened,
        closed: row.closed,
      }),
      { size: textSize.small },
    );
  }
}

import type { Kpis } from '@masetra/core';
import { useId } from 'react';
import type { SlotClasses } from '../internal/classNames';
import { useQms } from '../provider/useQms';
import { Bars } from './Bars';
import type { DashboardSlot } from './Dashboard';

/** The organization's key figures: CAPAs on time and effective, overdue CAPA tasks, documents due, findings. */
export function KeyFigures({ kpis, slots }: { kpis: Kpis; slots: SlotClasses<DashboardSlot> }) {
  const { t, labels, format, registry } = useQms();
  const id = useId();
  const rate = (value: number | null, part: number, whole: number) =>
    value === null
      ? t('dashboard.notMeasured')
      : t('dashboard.rateValue', {
          rate: format.number(value, { style: 'percent', maximumFractionDigits: 0 }),
          part: format.number(part),
          whole: format.number(whole),
        });
  const findings = kpis.findingsBySeverity
    .filter((entry) => entry.count > 0)
    .map((entry) => ({
      key: entry.severity ?? '',
      label: entry.severity === null ? t('dashboard.notGraded') : labels.value(entry.severity),
      count: entry.count,
    }));
  const hasCapas = registry.byName('capa') !== undefined;
  const hasDocuments = registry.byName('document') !== undefined;
  return (
    <section className={slots('card')} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={slots.ui('heading', slots('cardTitle'))}>
        {t('dashboard.kpis')}
      </h3>
      <dl className={slots('figures')}>
        {hasCapas && (
          <>
            <dt>{t('dashboard.capaOnTime')}</dt>
            <dd>{rate(kpis.capaOnTime.rate, kpis.capaOnTime.onTime, kpis.capaOnTime.closed)}</dd>
            <dt>{t('dashboard.capaEffectiveness')}</dt>
            <dd>
              {rate(
                kpis.capaEffectiveness.rate,
                kpis.capaEffectiveness.effective,
                kpis.capaEffectiveness.checks,
              )}
            </dd>
            <dt>{t('dashboard.capaTasksOverdue')}</dt>
            <dd>{format.number(kpis.overdue.capaTasks)}</dd>
          </>
        )}
        {hasDocuments && (
          <>
            <dt>{t('dashboard.documentsDue')}</dt>
            <dd>
              {t('dashboard.documentsDueValue', {
                due: format.number(kpis.documentsDueForReview.dueWithin30Days),
                overdue: format.number(kpis.documentsDueForReview.overdue),
              })}
            </dd>
          </>
        )}
      </dl>
      {findings.length > 0 && (
        <>
          <h4 className={slots.ui('heading')}>{t('dashboard.findingsBySeverity')}</h4>
          <Bars label={t('dashboard.findingsBySeverity')} slots={slots} entries={findings} />
        </>
      )}
    </section>
  );
}

import type { SavedReport } from '@masetra/core';
import { type FormEvent, useId, useState } from 'react';
import type { SlotClasses } from '../internal/classNames';
import { describeError } from '../internal/problems';
import { useQms } from '../provider/useQms';
import type { ReportBuilderSlot } from './ReportBuilder';
import { filledFilters, type ReportDefinition } from './reportDefinition';
import { useCreateSavedReport, useUpdateSavedReport } from './useSavedReports';

/**
 * Saves the report: a name and the roles it is shared with. With a saved report open, "Save
 * changes" changes it (based on the version shown) and "Save as new report" makes another.
 */
export function SaveReportForm({
  definition,
  columns,
  openReport,
  shareableRoles,
  onSaved,
  slots,
}: {
  definition: ReportDefinition;
  columns: readonly string[];
  openReport: SavedReport | undefined;
  shareableRoles: readonly string[];
  onSaved(report: SavedReport): void;
  slots: SlotClasses<ReportBuilderSlot>;
}) {
  const { t } = useQms();
  const id = useId();
  const [name, setName] = useState(openReport?.name ?? '');
  const [roles, setRoles] = useState<readonly string[]>(openReport?.sharedWithRoles ?? []);
  const [saved, setSaved] = useState<string | undefined>();
  const create = useCreateSavedReport();
  const update = useUpdateSavedReport();
  const pending = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  const body = () => ({
    name: name.trim(),
    filters: filledFilters(definition.filters),
    groupBy: definition.groupBy,
    metric: definition.metric,
    cycleFrom: definition.metric === 'cycleTime' ? definition.cycleFrom : null,
    cycleTo: definition.metric === 'cycleTime' ? definition.cycleTo : null,
    columns: [...columns],
    chart: definition.chart,
    sharedWithRoles: [...roles],
  });
  const done = (report: SavedReport) => {
    setSaved(report.name);
    onSaved(report);
  };
  const saveNew = () => {
    create.reset();
    update.reset();
    create.mutate({ ...body(), recordType: definition.recordType }, { onSuccess: done });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (openReport && openReport.recordType === definition.recordType) {
      create.reset();
      update.mutate({ report: openReport, changes: body() }, { onSuccess: done });
    } else saveNew();
  };

  return (
    <form className={slots('save')} onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={slots.ui('heading')}>
        {t('reports.save')}
      </h3>
      <div className={slots.ui('field')}>
        <label className={slots.ui('label')} htmlFor={`${id}-name`}>
          {t('reports.name')}
        </label>
        <input
          id={`${id}-name`}
          className={slots.ui('input')}
          value={name}
          required
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <fieldset className={slots('fieldset')}>
        <legend>{t('reports.shareWith')}</legend>
        {shareableRoles.map((role) => (
          <label key={role} className={slots('role')}>
            <input
              type="checkbox"
              className={slots.ui('checkbox')}
              checked={roles.includes(role)}
              onChange={(event) =>
                setRoles(event.target.checked ? [...roles, role] : roles.filter((held) => held !== role))
              }
            />{' '}
            {t.optional(`role.${role}`) ?? role}
          </label>
        ))}
      </fieldset>
      <div className={slots('saveActions')}>
        <button
          type="submit"
          className={slots.ui('button')}
          data-variant="primary"
          disabled={pending || !name.trim()}
        >
          {pending ? t('common.saving') : openReport ? t('reports.saveChanges') : t('reports.save')}
        </button>
        {openReport && (
          <button
            type="button"
            className={slots.ui('button')}
            disabled={pending || !name.trim()}
            onClick={saveNew}
          >
            {t('reports.saveAsNew')}
          </button>
        )}
      </div>
      <p role="status" className={slots.ui('status')}>
        {saved ? t('reports.saved', { name: saved }) : ''}
      </p>
      {error && (
        <p className={slots.ui('alert')} role="alert">
          {describeError(t, error)}
        </p>
      )}
    </form>
  );
}

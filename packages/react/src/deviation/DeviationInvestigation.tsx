import { can, type RecordBase, type RecordType, stateHasTag } from '@masetra/core';
import { useEffect, useId, useState } from 'react';
import { type RecordTypeRef, useRecordType } from '../hooks/useRecordType';
import { type ClassNames, useSlots } from '../internal/classNames';
import { SaveBar } from '../internal/SaveBar';
import { useQms } from '../provider/useQms';
import { type FishboneCause, FishboneEditor } from './FishboneEditor';
import { FiveWhyEditor, type FiveWhyStep } from './FiveWhyEditor';

export type DeviationInvestigationSlot = 'root' | 'title' | 'method';

interface Investigated extends RecordBase {
  title?: string;
  rootCauseMethod?: string;
  investigation?: { fiveWhys?: FiveWhyStep[]; fishbone?: FishboneCause[]; notes?: string };
}

export interface DeviationInvestigationProps {
  /** The deviation, as loaded. */
  record: RecordBase;
  /** The deviation record type; the built-in `deviation` by default. */
  recordType?: RecordTypeRef<RecordType>;
  /**
   * Whether it is its own region with a heading (the default); `false` inside a page section
   * that is titled already, as on `RecordDetail`.
   */
  titled?: boolean;
  className?: string;
  classNames?: ClassNames<DeviationInvestigationSlot>;
}

/**
 * The structured investigation of a deviation: its 5 Whys and its fishbone, editable while
 * the deviation's state is `editable` for a user who may change it, and saved with a reason.
 */
export function DeviationInvestigation({
  recordType: recordTypeRef = 'deviation',
  record,
  titled = true,
  className,
  classNames,
}: DeviationInvestigationProps) {
  const recordType = useRecordType(recordTypeRef);
  const { t, principal, labels } = useQms();
  const slots = useSlots('investigation', className, classNames);
  const id = useId();
  const deviation = record as Investigated;
  const editable =
    principal !== undefined &&
    can(principal, recordType, 'update') &&
    stateHasTag(recordType, record.state, 'editable');
  const stored = deviation.investigation ?? {};
  const [fiveWhys, setFiveWhys] = useState<FiveWhyStep[]>(stored.fiveWhys ?? []);
  const [fishbone, setFishbone] = useState<FishboneCause[]>(stored.fishbone ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A new version of the record (saved here or elsewhere) replaces the draft.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the version stands for the stored investigation
  useEffect(() => {
    setFiveWhys(stored.fiveWhys ?? []);
    setFishbone(stored.fishbone ?? []);
  }, [record.version]);

  const dirty =
    JSON.stringify(fiveWhys) !== JSON.stringify(stored.fiveWhys ?? []) ||
    JSON.stringify(fishbone) !== JSON.stringify(stored.fishbone ?? []);
  const method = deviation.rootCauseMethod;

  const Root = titled ? 'section' : 'div';

  return (
    <Root className={slots('root')} aria-labelledby={titled ? `${id}-title` : undefined}>
      {titled && (
        <h3 id={`${id}-title`} className={slots.ui('heading', slots('title'))}>
          {t('detail.investigation')}
        </h3>
      )}
      {method && (
        <p className={slots('method')}>
          {labels.field(recordType.name, 'rootCauseMethod')}: {labels.value(method)}
        </p>
      )}
      <FiveWhyEditor
        value={fiveWhys}
        onChange={editable ? setFiveWhys : undefined}
        errors={Object.fromEntries(
          Object.entries(errors)
            .filter(([pointer]) => pointer.startsWith('/investigation/fiveWhys'))
            .map(([pointer, detail]) => [pointer.replace('/investigation/fiveWhys', ''), detail]),
        )}
      />
      <FishboneEditor
        value={fishbone}
        onChange={editable ? setFishbone : undefined}
        effect={deviation.title}
      />
      {editable && (
        <SaveBar
          recordType={recordType}
          record={record}
          changes={{ investigation: { ...stored, fiveWhys, fishbone } }}
          dirty={dirty}
          onErrors={(issues) =>
            setErrors(Object.fromEntries(issues.map((issue) => [issue.pointer, issue.detail])))
          }
        />
      )}
    </Root>
  );
}

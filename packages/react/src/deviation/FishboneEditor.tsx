import type { SchemaOutput } from '@masetra/client';
import { fishboneCategories, type fishboneCauseSchema } from '@masetra/core';
import { useId } from 'react';
import { type ClassNames, useSlots } from '../internal/classNames';
import { useQms } from '../provider/useQms';

/** One cause on the diagram: its 6M category, the cause, and whether it is a root cause. */
export type FishboneCause = SchemaOutput<typeof fishboneCauseSchema>;
export type FishboneCategory = (typeof fishboneCategories)[number];

export type FishboneEditorSlot =
  | 'root'
  | 'title'
  | 'diagram'
  | 'category'
  | 'causes'
  | 'cause'
  | 'spine'
  | 'effect';

export interface FishboneEditorProps {
  value: readonly FishboneCause[];
  /** Without it the diagram is shown read-only. */
  onChange?: (causes: FishboneCause[]) => void;
  /** The effect at the fish's head: the deviation's title. */
  effect?: string;
  disabled?: boolean;
  className?: string;
  classNames?: ClassNames<FishboneEditorSlot>;
}

/** Three categories above the spine, three below, as the diagram is drawn. */
const upper: readonly FishboneCategory[] = fishboneCategories.slice(0, 3);
const lower: readonly FishboneCategory[] = fishboneCategories.slice(3);

/**
 * An Ishikawa (fishbone) diagram over the 6M categories: man, machine, method, material,
 * measurement, environment. Each category holds causes; root causes are marked.
 *
 * @example
 * <FishboneEditor effect={deviation.title} value={causes} onChange={setCauses} />
 */
export function FishboneEditor({
  value,
  onChange,
  effect,
  disabled,
  className,
  classNames,
}: FishboneEditorProps) {
  const { t } = useQms();
  const slots = useSlots('fishbone', className, classNames);
  const id = useId();
  const editable = onChange !== undefined;
  const indexed = value.map((cause, index) => ({ cause, index }));
  const update = (index: number, cause: FishboneCause) =>
    onChange?.(value.map((current, at) => (at === index ? cause : current)));

  const category = (name: FishboneCategory) => {
    const label = t(`fishbone.category.${name}`);
    const causes = indexed.filter((entry) => entry.cause.category === name);
    return (
      <fieldset key={name} className={slots('category')} data-category={name}>
        <legend>{label}</legend>
        {causes.length === 0 && !editable && <p className={slots.ui('hint')}>{t('fishbone.empty')}</p>}
        <ul className={slots('causes')}>
          {causes.map(({ cause, index }) => (
            <li key={index} className={slots('cause')} data-root-cause={cause.isRootCause || undefined}>
              {editable ? (
                <>
                  <label className={slots.ui('label')} htmlFor={`${id}-${index}`}>
                    {t('fishbone.cause')}
                  </label>
                  <input
                    id={`${id}-${index}`}
                    className={slots.ui('input')}
                    value={cause.cause}
                    maxLength={500}
                    disabled={disabled}
                    onChange={(event) => update(index, { ...cause, cause: event.target.value })}
                  />
                  <label className={slots.ui('checkbox')}>
                    <input
                      type="checkbox"
                      checked={cause.isRootCause === true}
                      disabled={disabled}
                      onChange={(event) => update(index, { ...cause, isRootCause: event.target.checked })}
                    />
                    {t('fishbone.rootCause')}
                  </label>
                  <button
                    type="button"
                    className={slots.ui('button')}
                    data-variant="quiet"
                    disabled={disabled}
                    aria-label={`${t('fishbone.remove')}: ${cause.cause || label}`}
                    onClick={() => onChange?.(value.filter((_, at) => at !== index))}
                  >
                    {t('common.remove')}
                  </button>
                </>
              ) : (
                <>
                  {cause.cause}
                  {cause.isRootCause && <strong>{` (${t('fishbone.rootCause')})`}</strong>}
                </>
              )}
            </li>
          ))}
        </ul>
        {editable && (
          <button
            type="button"
            className={slots.ui('button')}
            disabled={disabled}
            onClick={() => onChange?.([...value, { category: name, cause: '' }])}
          >
            {t('fishbone.addCause', { category: label })}
          </button>
        )}
      </fieldset>
    );
  };

  return (
    <section className={slots('root')} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className={slots.ui('heading', slots('title'))}>
        {t('fishbone.title')}
      </h4>
      <div className={slots('diagram')}>
        {upper.map(category)}
        <div className={slots('spine')} aria-hidden="true" />
        <p className={slots('effect')}>
          <span>{t('fishbone.effect')}: </span>
          {effect}
        </p>
        {lower.map(category)}
      </div>
    </section>
  );
}

import type { SchemaOutput } from '@masetra/client';
import type { fiveWhyStepSchema } from '@masetra/core';
import { useId } from 'react';
import { type ClassNames, useSlots } from '../internal/classNames';
import { useQms } from '../provider/useQms';

/** One step of a 5-Why chain: the question and the answer found. */
export type FiveWhyStep = SchemaOutput<typeof fiveWhyStepSchema>;

export type FiveWhyEditorSlot = 'root' | 'title' | 'steps' | 'step' | 'why' | 'because' | 'actions';

export interface FiveWhyEditorProps {
  value: readonly FiveWhyStep[];
  /** Without it the chain is shown read-only. */
  onChange?: (steps: FiveWhyStep[]) => void;
  /** Errors by JSON pointer into the steps, e.g. `/1/because`. */
  errors?: Readonly<Record<string, string>>;
  disabled?: boolean;
  className?: string;
  classNames?: ClassNames<FiveWhyEditorSlot>;
}

/** The most steps the deviation schema allows. */
const MAX_STEPS = 20;

/**
 * A 5-Why root-cause chain: each step asks why, and its answer leads to the next question.
 *
 * @example
 * <FiveWhyEditor value={steps} onChange={setSteps} />
 */
export function FiveWhyEditor({
  value,
  onChange,
  errors,
  disabled,
  className,
  classNames,
}: FiveWhyEditorProps) {
  const { t } = useQms();
  const slots = useSlots('five-whys', className, classNames);
  const id = useId();
  const editable = onChange !== undefined;
  const change = (index: number, part: keyof FiveWhyStep, text: string) =>
    onChange?.(value.map((step, at) => (at === index ? { ...step, [part]: text } : step)));

  return (
    <section className={slots('root')} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className={slots.ui('heading', slots('title'))}>
        {t('fiveWhys.title')}
      </h4>
      {value.length === 0 && <p className={slots.ui('hint')}>{t('fiveWhys.empty')}</p>}
      <ol className={slots('steps')}>
        {value.map((step, index) => {
          const n = index + 1;
          const whyError = errors?.[`/${index}/why`];
          const becauseError = errors?.[`/${index}/because`];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps have no identity but their place in the chain
            <li key={index} className={slots('step')}>
              {editable ? (
                <>
                  <div className={slots.ui('field', slots('why'))}>
                    <label className={slots.ui('label')} htmlFor={`${id}-${index}-why`}>
                      {t('fiveWhys.why', { n })}
                    </label>
                    <input
                      id={`${id}-${index}-why`}
                      className={slots.ui('input')}
                      value={step.why}
                      maxLength={500}
                      disabled={disabled}
                      aria-invalid={whyError ? true : undefined}
                      onChange={(event) => change(index, 'why', event.target.value)}
                    />
                    {whyError && <p className={slots.ui('error')}>{whyError}</p>}
                  </div>
                  <div className={slots.ui('field', slots('because'))}>
                    <label className={slots.ui('label')} htmlFor={`${id}-${index}-because`}>
                      {t('fiveWhys.because', { n })}
                    </label>
                    <textarea
                      id={`${id}-${index}-because`}
                      className={slots.ui('textarea')}
                      value={step.because}
                      maxLength={2000}
                      rows={2}
                      disabled={disabled}
                      aria-invalid={becauseError ? true : undefined}
                      onChange={(event) => change(index, 'because', event.target.value)}
                    />
                    {becauseError && <p className={slots.ui('error')}>{becauseError}</p>}
                  </div>
                  <button
                    type="button"
                    className={slots.ui('button')}
                    data-variant="quiet"
                    disabled={disabled}
                    onClick={() => onChange?.(value.filter((_, at) => at !== index))}
                  >
                    {t('fiveWhys.remove', { n })}
                  </button>
                </>
              ) : (
                <dl>
                  <dt className={slots('why')}>{t('fiveWhys.why', { n })}</dt>
                  <dd>{step.why}</dd>
                  <dt className={slots('because')}>{t('fiveWhys.because', { n })}</dt>
                  <dd>{step.because}</dd>
                </dl>
              )}
            </li>
          );
        })}
      </ol>
      {editable && (
        <div className={slots('actions')}>
          <button
            type="button"
            className={slots.ui('button')}
            disabled={disabled || value.length >= MAX_STEPS}
            onClick={() => onChange?.([...value, { why: '', because: '' }])}
          >
            {t('fiveWhys.add')}
          </button>
        </div>
      )}
    </section>
  );
}

// GOV.UK form fields with their labels, hints and inline errors, as the Design System marks
// them up. Each takes the id its errors are filed under.
import type { ComponentChildren } from 'preact';

interface Common {
  id: string;
  label: string;
  hint?: ComponentChildren;
  error?: string;
  labelClass?: string;
}

function describedBy(id: string, hint: unknown, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Hint({ id, hint }: { id: string; hint?: ComponentChildren }) {
  return hint ? (
    <div id={`${id}-hint`} class="govuk-hint">
      {hint}
    </div>
  ) : null;
}

function ErrorMessage({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} class="govuk-error-message">
      <span class="govuk-visually-hidden">Error:</span> {error}
    </p>
  ) : null;
}

function group(error?: string) {
  return `govuk-form-group${error ? ' govuk-form-group--error' : ''}`;
}

/** A labelled field: the form group, its label, hint and error message, then the control. */
function Field({ id, label, hint, error, labelClass, children }: Common & { children: ComponentChildren }) {
  return (
    <div class={group(error)}>
      <label class={`govuk-label ${labelClass ?? ''}`} for={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      {children}
    </div>
  );
}

/** A group of controls under one legend (radios, checkboxes, a date). */
function Fieldset({ id, label, hint, error, labelClass, role, children }: Common & { role?: 'group'; children: ComponentChildren }) {
  return (
    <div class={group(error)}>
      <fieldset class="govuk-fieldset" role={role} aria-describedby={describedBy(id, hint, error)}>
        <legend class={`govuk-fieldset__legend ${labelClass ?? 'govuk-fieldset__legend--s'}`}>{label}</legend>
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} error={error} />
        {children}
      </fieldset>
    </div>
  );
}

export function TextInput(
  props: Common & {
    value: string;
    onInput: (v: string) => void;
    type?: string;
    autocomplete?: string;
    width?: string;
    spellcheck?: boolean;
  },
) {
  const { id, hint, error, value, onInput } = props;
  return (
    <Field {...props}>
      <input
        class={`govuk-input ${props.width ?? ''}${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={id}
        type={props.type ?? 'text'}
        value={value}
        autocomplete={props.autocomplete ?? 'off'}
        spellcheck={props.spellcheck ?? false}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)}
      />
    </Field>
  );
}

export function Textarea(
  props: Common & { value: string; onInput: (v: string) => void; rows?: number },
) {
  const { id, hint, error, value, onInput } = props;
  return (
    <Field {...props}>
      <textarea
        class={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={props.rows ?? 4}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)}
      />
    </Field>
  );
}

export function Select(
  props: Common & {
    value: string;
    onChange: (v: string) => void;
    options: readonly (readonly [string, string])[];
  },
) {
  const { id, hint, error, value, onChange, options } = props;
  return (
    <Field {...props}>
      <select
        class={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={id}
        name={id}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange((e.target as HTMLSelectElement).value)}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v} selected={v === value}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Checkboxes(
  props: Common & {
    values: string[];
    onChange: (v: string[]) => void;
    options: readonly (readonly [string, string])[];
    small?: boolean;
  },
) {
  const { id, values, onChange, options } = props;
  return (
    <Fieldset {...props}>
      <div class={`govuk-checkboxes${props.small ? ' govuk-checkboxes--small' : ''}`}>
        {options.map(([v, text], i) => {
          const itemId = i === 0 ? id : `${id}-${i + 1}`;
          return (
            <div class="govuk-checkboxes__item" key={v}>
              <input
                class="govuk-checkboxes__input"
                id={itemId}
                name={id}
                type="checkbox"
                value={v}
                checked={values.includes(v)}
                onChange={(e) => {
                  const on = (e.target as HTMLInputElement).checked;
                  onChange(on ? [...values, v] : values.filter((x) => x !== v));
                }}
              />
              <label class="govuk-label govuk-checkboxes__label" for={itemId}>
                {text}
              </label>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

export function Checkbox(
  props: Common & { checked: boolean; onChange: (v: boolean) => void },
) {
  const { id, label, hint, error, checked, onChange } = props;
  return (
    <div class={group(error)}>
      <ErrorMessage id={id} error={error} />
      <div class="govuk-checkboxes govuk-checkboxes--small">
        <div class="govuk-checkboxes__item">
          <input
            class="govuk-checkboxes__input"
            id={id}
            name={id}
            type="checkbox"
            checked={checked}
            aria-describedby={describedBy(id, hint, error)}
            onChange={(e) => onChange((e.target as HTMLInputElement).checked)}
          />
          <label class="govuk-label govuk-checkboxes__label" for={id}>
            {label}
          </label>
          {hint ? (
            <div id={`${id}-hint`} class="govuk-hint govuk-checkboxes__hint">
              {hint}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export function DateInput(
  props: Common & { value: DateParts; onInput: (v: DateParts) => void },
) {
  const { id, error, value, onInput } = props;
  const part = (key: keyof DateParts, text: string, width: string) => {
    const partId = `${id}-${key}`;
    return (
      <div class="govuk-date-input__item">
        <div class="govuk-form-group">
          <label class="govuk-label govuk-date-input__label" for={partId}>
            {text}
          </label>
          <input
            class={`govuk-input govuk-date-input__input ${width}${error ? ' govuk-input--error' : ''}`}
            id={partId}
            name={partId}
            type="text"
            inputMode="numeric"
            value={value[key]}
            onInput={(e) => onInput({ ...value, [key]: (e.target as HTMLInputElement).value })}
          />
        </div>
      </div>
    );
  };
  return (
    <Fieldset {...props} role="group">
      <div class="govuk-date-input" id={id}>
        {part('day', 'Day', 'govuk-input--width-2')}
        {part('month', 'Month', 'govuk-input--width-2')}
        {part('year', 'Year', 'govuk-input--width-4')}
      </div>
    </Fieldset>
  );
}

export function Radios(
  props: Common & {
    value: string;
    onChange: (v: string) => void;
    options: readonly (readonly [string, string])[];
    inline?: boolean;
  },
) {
  const { id, value, onChange, options } = props;
  return (
    <Fieldset {...props}>
      <div class={`govuk-radios govuk-radios--small${props.inline ? ' govuk-radios--inline' : ''}`}>
        {options.map(([v, text], i) => {
          const itemId = i === 0 ? id : `${id}-${i + 1}`;
          return (
            <div class="govuk-radios__item" key={v}>
              <input class="govuk-radios__input" id={itemId} name={id} type="radio" value={v} checked={value === v}
                onChange={() => onChange(v)} />
              <label class="govuk-label govuk-radios__label" for={itemId}>{text}</label>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

/** A GOV.UK warning text: the icon, then what the user must know before going on. */
export function WarningText({ children }: { children: ComponentChildren }) {
  return (
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

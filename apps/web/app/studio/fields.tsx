// Form fields of the studio: each with a real <label>, its server error beside it (aria-invalid +
// aria-describedby, so screen readers read the message with the field), and `dir="auto"` on free
// text so a title that starts in English inside an Arabic page (or the reverse) edits correctly.
import { useId, type ReactNode } from 'react';

interface Base {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string;
}

function Message({ id, error, hint }: { id: string; error?: string | undefined; hint?: string | undefined }) {
  return (
    <>
      {hint ? <p className="field-hint" id={`${id}-hint`}>{hint}</p> : null}
      {/* The server writes its messages in English: dir="auto" keeps them readable on Arabic pages. */}
      {error ? <p className="field-error" id={`${id}-error`} dir="auto">{error}</p> : null}
    </>
  );
}

function described(id: string, error?: string, hint?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

export function TextField({ name, label, error, hint, value, onChange, multiline, type = 'text', required }: Base & {
  value: string; onChange: (value: string) => void; multiline?: boolean; type?: 'text' | 'number' | 'datetime-local'; required?: boolean;
}) {
  const id = useId();
  const common = {
    id, name, value, required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described(id, error, hint),
  } as const;
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline
        ? <textarea {...common} dir="auto" rows={6} onChange={(e) => onChange(e.target.value)} />
        : <input {...common} type={type} dir={type === 'text' ? 'auto' : undefined} onChange={(e) => onChange(e.target.value)} />}
      <Message id={id} error={error} hint={hint} />
    </div>
  );
}

export function SelectField({ name, label, error, hint, value, onChange, children }: Base & {
  value: string; onChange: (value: string) => void; children: ReactNode;
}) {
  const id = useId();
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={described(id, error, hint)}>
        {children}
      </select>
      <Message id={id} error={error} hint={hint} />
    </div>
  );
}

export function CheckboxField({ name, label, error, checked, onChange }: Base & { checked: boolean; onChange: (value: boolean) => void }) {
  const id = useId();
  return (
    <div className={`field checkbox${error ? ' invalid' : ''}`}>
      <input id={id} name={name} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-invalid={error ? true : undefined} aria-describedby={described(id, error)} />
      <label htmlFor={id}>{label}</label>
      <Message id={id} error={error} />
    </div>
  );
}

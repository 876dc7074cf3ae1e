// /studio/:lang/admin/tasks (admins only) — the administrative tasks of GET /api/cms/admin/tasks (the ones
// `thmnayah task` runs), each with a form made from its arguments' JSON Schema: a checkbox for a boolean,
// a list for a choice of constants, a number field, a text field, and JSON for arrays and objects. Running
// one shows its streamed progress and then its result (or its problem), as the NDJSON arrives.
import { useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { cms, type Problem } from '../../studio/cms';
import { useStudioLocale } from '../../studio/session';
import { useLoad } from '../../studio/use-load';
import { runTask, type TaskInfo, type TaskLine } from '../../studio/tasks';
import { AdminOnly } from '../../studio/admin-only';
import { useAdminMessages, type AdminMessages } from '../../studio/admin-messages';

interface Schema {
  type?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
}

type Field =
  | { name: string; kind: 'boolean' | 'number' | 'integer' | 'string' | 'json'; required: boolean; description?: string | undefined }
  | { name: string; kind: 'choice'; options: string[]; required: boolean; description?: string | undefined };

/** The form fields of a task's arguments schema (an object schema; anything else is one JSON field). */
function fieldsOf(schema: Schema): Field[] {
  return Object.entries(schema.properties ?? {}).map(([name, p]): Field => {
    const required = schema.required?.includes(name) ?? false;
    const description = p.description;
    const constants = p.enum ?? (p.anyOf?.every((s) => s.const !== undefined) ? p.anyOf.map((s) => s.const) : undefined);
    if (constants && constants.every((c) => typeof c === 'string')) return { name, kind: 'choice', options: constants as string[], required, description };
    if (p.type === 'boolean' || p.type === 'number' || p.type === 'integer' || p.type === 'string') return { name, kind: p.type, required, description };
    return { name, kind: 'json', required, description };
  });
}

/** The arguments from the form's values: empty fields are left out, so the task's defaults apply. */
function argsOf(fields: Field[], values: Record<string, string | boolean>, a: AdminMessages): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'boolean') {
      if (value === true) args[field.name] = true;
      continue;
    }
    if (value === undefined || value === '') continue;
    if (field.kind === 'number' || field.kind === 'integer') args[field.name] = Number(value);
    else if (field.kind === 'json') {
      try {
        args[field.name] = JSON.parse(String(value));
      } catch {
        throw new Error(a.badJson(field.name));
      }
    } else args[field.name] = value;
  }
  return args;
}

function TaskForm({ task }: { task: TaskInfo }) {
  const { t } = useStudioLocale();
  const a = useAdminMessages();
  const formId = useId();
  const fields = useMemo(() => fieldsOf(task.args as Schema), [task]);
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'running' | 'done' | 'failed'; lines: TaskLine[]; output?: unknown; problem?: string }>({ kind: 'idle' });
  const progress = state.kind === 'idle' ? undefined : [...state.lines].reverse().find((l): l is Extract<TaskLine, { type: 'progress' }> => l.type === 'progress');

  async function run(event: React.FormEvent) {
    event.preventDefault();
    let args: Record<string, unknown>;
    try {
      args = argsOf(fields, values, a);
    } catch (error) {
      setState({ kind: 'failed', lines: [], problem: (error as Error).message });
      return;
    }
    const lines: TaskLine[] = [];
    setState({ kind: 'running', lines });
    try {
      const output = await runTask(task.name, args, (line) => {
        lines.push(line);
        setState({ kind: 'running', lines: [...lines] });
      });
      setState({ kind: 'done', lines, output });
    } catch (error) {
      const problem = error as Problem;
      setState({ kind: 'failed', lines, problem: problem.detail ?? problem.title ?? t.errorGeneric });
    }
  }

  return (
    <form className="edit-form" aria-labelledby={`${formId}-title`} onSubmit={(e) => void run(e)}>
      <h2 id={`${formId}-title`} dir="ltr">{task.name}</h2>
      <p dir="auto">{task.description}</p>
      {fields.length ? (
        <fieldset disabled={state.kind === 'running'}>
          <legend>{a.taskArgs}</legend>
          {fields.map((field) => {
            const id = `${formId}-${field.name}`;
            const hint = field.description ? <p className="field-hint" id={`${id}-hint`} dir="auto">{field.description}</p> : null;
            const described = field.description ? { 'aria-describedby': `${id}-hint` } : {};
            if (field.kind === 'boolean') {
              return (
                <div className="field checkbox" key={field.name}>
                  <input id={id} type="checkbox" checked={values[field.name] === true} onChange={(e) => setValues({ ...values, [field.name]: e.target.checked })} {...described} />
                  <label htmlFor={id} dir="ltr">{field.name}</label>
                  {hint}
                </div>
              );
            }
            return (
              <div className="field" key={field.name}>
                <label htmlFor={id} dir="ltr">{field.kind === 'json' ? a.argJson(field.name) : field.name}</label>
                {field.kind === 'choice' ? (
                  <select id={id} value={String(values[field.name] ?? '')} onChange={(e) => setValues({ ...values, [field.name]: e.target.value })} {...described}>
                    <option value="">—</option>
                    {field.options.map((o) => <option key={o} value={o}>{o}</option>)}
                  </select>
                ) : field.kind === 'json' ? (
                  <textarea id={id} dir="ltr" rows={3} value={String(values[field.name] ?? '')} onChange={(e) => setValues({ ...values, [field.name]: e.target.value })} {...described} />
                ) : (
                  <input id={id} dir="ltr" type={field.kind === 'string' ? 'text' : 'number'} step={field.kind === 'integer' ? 1 : 'any'} required={field.required}
                    value={String(values[field.name] ?? '')} onChange={(e) => setValues({ ...values, [field.name]: e.target.value })} {...described} />
                )}
                {hint}
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={state.kind === 'running'}>{a.runTask}</button>
      </div>
      {state.kind !== 'idle' ? (
        <section className="task-run" aria-label={a.taskOutput}>
          <p role="status">{state.kind === 'running' ? a.taskRunning : state.kind === 'done' ? a.taskDone : a.taskFailed}</p>
          {progress ? (
            <div className="field">
              <label htmlFor={`${formId}-progress`}>{a.taskProgress}{progress.label ? `: ${progress.label}` : ''}</label>
              <progress id={`${formId}-progress`} max={Math.max(progress.total, 1)} value={progress.done} />
            </div>
          ) : null}
          {state.problem ? <p role="alert" className="field-error" dir="auto">{state.problem}</p> : null}
          {state.kind === 'done' ? <pre dir="ltr" className="json" tabIndex={0} aria-label={a.taskOutput}>{JSON.stringify(state.output, null, 2)}</pre> : null}
        </section>
      ) : null}
    </form>
  );
}

function Tasks() {
  const { t } = useStudioLocale();
  const a = useAdminMessages();
  const pickId = useId();
  const tasks = useLoad('tasks', () => cms().GET('/api/cms/admin/tasks'));
  const [params, setParams] = useSearchParams();
  const chosen = tasks.data?.tasks.find((task) => task.name === params.get('task'));
  return (
    <section aria-labelledby="tasks-title">
      <h1 id="tasks-title">{a.tasks}</h1>
      <p>{a.tasksIntro}</p>
      {tasks.loading ? <p role="status">{t.loading}</p> : null}
      {tasks.problem ? <p role="alert">{tasks.problem.detail ?? t.errorGeneric}</p> : null}
      {tasks.data ? (
        <div className="filters">
          <div className="field">
            <label htmlFor={pickId}>{a.task}</label>
            <select id={pickId} dir="ltr" value={chosen?.name ?? ''} onChange={(e) => setParams(e.target.value ? { task: e.target.value } : {})}>
              <option value="">—</option>
              {tasks.data.tasks.map((task) => <option key={task.name} value={task.name}>{task.name}</option>)}
            </select>
          </div>
        </div>
      ) : null}
      {chosen ? <TaskForm key={chosen.name} task={chosen} /> : null}
      {tasks.data && !chosen ? (
        <dl className="task-list">
          {tasks.data.tasks.map((task) => (
            <div key={task.name}><dt dir="ltr">{task.name}</dt><dd dir="auto">{task.description}</dd></div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}

export default function TasksScreen() {
  return <AdminOnly><Tasks /></AdminOnly>;
}

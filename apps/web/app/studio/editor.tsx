// The edit-form machinery every entity editor shares (EditorFrame in editor-frame.tsx draws it): the form's values next to the version they were
// read at; save as POST (new) or PATCH with If-Match and only the changed fields; the server's
// validation errors put on the fields they name; a 412 turned into a conflict screen (reload their
// version, compare, or re-apply my changes onto theirs); Ctrl/Cmd+S; a warning before leaving with
// unsaved changes (in-app navigation and closing the tab).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useBlocker, useNavigate } from 'react-router';
import { etagOf, fieldErrors, problemOf, type Problem } from './cms';
import type { StudioMessages } from './messages';

export type Values = Record<string, string | boolean>;
type Call<E> = Promise<{ data?: E; error?: unknown; response: Response }>;

export interface EditorSpec<E extends { id: string; version: number }> {
  fields: readonly string[];
  toValues(entity: E | undefined): Values;
  /** The request body for these fields (all of them for a new item, the changed ones for a PATCH). */
  toBody(values: Values, fields: readonly string[], creating: boolean): Record<string, unknown>;
  read(id: string): Call<E>;
  create(body: Record<string, unknown>): Call<E>;
  patch(id: string, body: Record<string, unknown>, ifMatch: string): Call<E>;
  /** Where a new item goes once created. */
  pathOf(id: string): string;
}

export function changedFields(fields: readonly string[], a: Values, b: Values): string[] {
  return fields.filter((f) => a[f] !== b[f]);
}

export function useEditor<E extends { id: string; version: number }>(spec: EditorSpec<E>, id: string | undefined, initial?: Values) {
  const navigate = useNavigate();
  // Screens pass a fresh spec object each render; effects read the latest one without re-running.
  const specRef = useRef(spec);
  specRef.current = spec;
  const creating = id === undefined;
  const [entity, setEntity] = useState<E>();
  const [base, setBase] = useState<Values>(() => ({ ...spec.toValues(undefined), ...initial }));
  const [values, setValues] = useState<Values>(base);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<'loading' | 'ready' | 'saving' | 'saved' | 'missing'>(creating ? 'ready' : 'loading');
  const [conflict, setConflict] = useState<E>();
  const [loadProblem, setLoadProblem] = useState<Problem>();

  const changed = changedFields(spec.fields, values, base);
  const dirty = changed.length > 0;

  /** Takes a version from the server as the new base; the form shows it unless told to keep edits. */
  const adopt = useCallback((next: E, keep?: Values) => {
    const nextValues = specRef.current.toValues(next);
    setEntity(next);
    setBase(nextValues);
    setValues(keep ? { ...nextValues, ...keep } : nextValues);
  }, []);

  useEffect(() => {
    if (creating) return;
    let live = true;
    specRef.current.read(id).then(({ data, error, response }) => {
      if (!live) return;
      if (data) {
        adopt(data);
        setState('ready');
      } else {
        setLoadProblem(problemOf(error, response));
        setState('missing');
      }
    }, (error: unknown) => live && (setLoadProblem(problemOf(error)), setState('missing')));
    return () => void (live = false);
  }, [id, creating, adopt]);

  // Navigating away (links, back) with unsaved changes asks first; a saved form leaves freely.
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty && state !== 'saving';
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirtyRef.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const save = useCallback(async () => {
    if (state === 'saving' || (!creating && !dirty)) return;
    setState('saving');
    setErrors({});
    let result: { data?: E; error?: unknown; response: Response };
    try {
      result = creating
        ? await spec.create(spec.toBody(values, spec.fields, true))
        : await spec.patch(entity!.id, spec.toBody(values, changed, false), etagOf(entity!.version));
    } catch (error) {
      setErrors({ '': problemOf(error).detail ?? String(error) });
      return setState('ready');
    }
    const { data, error, response } = result;
    if (data) {
      adopt(data);
      setState('saved');
      if (creating) {
        dirtyRef.current = false;
        navigate(spec.pathOf(data.id), { replace: true });
      }
      return;
    }
    const problem = problemOf(error, response);
    if (response.status === 412) {
      // Someone saved in between: nothing of ours was saved. Show their version beside ours.
      const theirs = await spec.read(entity!.id);
      if (theirs.data) setConflict(theirs.data);
    } else {
      setErrors(fieldErrors(problem, spec.fields));
      if (problem.status !== 400) setErrors({ '': problem.detail ?? `${problem.status}` });
    }
    setState('ready');
  }, [state, creating, dirty, spec, values, changed, entity, adopt, navigate]);

  // Ctrl+S / Cmd+S saves (and never opens the browser's "save page" dialog).
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  /** Reads the item again (it changed by itself, e.g. media processed); unsaved edits are kept as they are. */
  const refresh = useCallback(async () => {
    if (creating) return;
    const { data } = await specRef.current.read(id);
    if (data && !dirtyRef.current) adopt(data);
  }, [id, creating, adopt]);

  const set = (field: string, value: string | boolean) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (state === 'saved') setState('ready');
  };

  const resolveConflict = {
    /** Drop my edits; edit their version. */
    reloadTheirs: () => {
      if (conflict) adopt(conflict);
      setConflict(undefined);
    },
    /** Keep my changed fields on top of their version (saving then sends their ETag). */
    keepMine: () => {
      if (conflict) adopt(conflict, Object.fromEntries(changed.map((f) => [f, values[f]!])));
      setConflict(undefined);
    },
  };

  return { entity, setEntity: adopt, refresh, values, set, errors, state, dirty, changed, save, conflict, resolveConflict, blocker, loadProblem, creating };
}

export type Editor<E extends { id: string; version: number }> = ReturnType<typeof useEditor<E>>;

/** The screen a 412 leads to: what happened, both versions side by side on demand, and the two ways on. */
export function ConflictPanel({ t, fields, labels, mine, theirs, onReload, onKeepMine }: {
  t: StudioMessages; fields: readonly string[]; labels: Record<string, string>; mine: Values; theirs: Values; onReload: () => void; onKeepMine: () => void;
}) {
  const [comparing, setComparing] = useState(false);
  const differing = changedFields(fields, mine, theirs);
  return (
    <section className="conflict" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-text">
      <h2 id="conflict-title">{t.conflictTitle}</h2>
      <p id="conflict-text">{t.conflictText}</p>
      <div className="actions">
        <button type="button" className="button" onClick={onReload}>{t.reloadTheirs}</button>
        <button type="button" className="button secondary" aria-expanded={comparing} onClick={() => setComparing((c) => !c)}>{t.compare}</button>
        <button type="button" className="button secondary" onClick={onKeepMine}>{t.keepMine}</button>
      </div>
      {comparing ? (
        <table className="studio-table compare">
          <caption>{t.compare}</caption>
          <thead><tr><th scope="col">{t.field}</th><th scope="col">{t.mine}</th><th scope="col">{t.theirs}</th></tr></thead>
          <tbody>
            {differing.map((f) => (
              <tr key={f}>
                <th scope="row">{labels[f] ?? f}</th>
                <td dir="auto">{String(mine[f])}</td>
                <td dir="auto">{String(theirs[f])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** Asks before leaving a form with unsaved changes (React Router's blocker). */
export function LeaveDialog({ t, blocker }: { t: StudioMessages; blocker: ReturnType<typeof useBlocker> }) {
  if (blocker.state !== 'blocked') return null;
  return (
    <div className="leave-dialog" role="alertdialog" aria-labelledby="leave-text" aria-modal="true">
      <p id="leave-text">{t.unsavedChanges}</p>
      <div className="actions">
        <button type="button" className="button" autoFocus onClick={() => blocker.reset()}>{t.stay}</button>
        <button type="button" className="button secondary" onClick={() => blocker.proceed()}>{t.leave}</button>
      </div>
    </div>
  );
}

// The frame every entity editor (program, episode, category, person) draws its fields in: loading and
// "not found" states, the back link, the heading with status and "unsaved" badges, the conflict panel
// after a 412, the form (error summary, read-only for viewers, save button with its Ctrl+S hint and the
// version), then — once the item exists — the screen's own actions, move to trash, revisions and the
// audit log, and the leave-with-unsaved-changes dialog. Screens give only their fields and extras.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { COLLECTION, etagOf, type EntityType } from './cms';
import { ConflictPanel, LeaveDialog, type Editor, type Values } from './editor';
import { StatusBadge } from './list';
import { useSession, useStudioLocale } from './session';
import { DeleteButton } from './delete';
import { Revisions } from './revisions';
import { AuditLog } from './audit';

interface Entity { id: string; version: number; status?: string }

export function EditorFrame<E extends Entity>({ type, editor, fields, toValues, labels, heading, children, actions, footer }: {
  type: EntityType;
  editor: Editor<E>;
  fields: readonly string[];
  /** The form values of a version (the conflict panel compares theirs with mine). */
  toValues: (entity: E) => Values;
  /** Field names as the editor reads them (conflict, revisions, audit). */
  labels: Record<string, string>;
  /** The h1: the item's name, or "New …" while creating. */
  heading: string | undefined;
  /** The form's fields. */
  children: ReactNode;
  /** Between the form and "move to trash" (editors only): workflow, media. */
  actions?: (entity: E) => ReactNode;
  /** After the audit log: e.g. a link to the public page. */
  footer?: (entity: E) => ReactNode;
}) {
  const { locale, t, path } = useStudioLocale();
  const { canEdit } = useSession();
  const { entity, errors, creating } = editor;
  const listPath = path(COLLECTION[type]);
  const titleId = `${type}-title`;

  if (editor.state === 'loading') return <p role="status">{t.loading}</p>;
  if (editor.state === 'missing') return <p role="alert">{editor.loadProblem?.status === 404 ? t.notFound : editor.loadProblem?.detail ?? t.errorGeneric} <Link to={listPath}>{t.backToList}</Link></p>;

  return (
    <section aria-labelledby={titleId} className="editor">
      <p><Link to={listPath}>{t.backToList}</Link></p>
      <div className="title-row">
        <h1 id={titleId} dir="auto">{heading}</h1>
        {entity?.status ? <StatusBadge status={entity.status} t={t} /> : null}
        {editor.dirty ? <span className="badge">{t.unsavedBadge}</span> : null}
      </div>
      {editor.conflict ? (
        <ConflictPanel t={t} fields={fields} labels={labels} mine={editor.values} theirs={toValues(editor.conflict)} onReload={editor.resolveConflict.reloadTheirs} onKeepMine={editor.resolveConflict.keepMine} />
      ) : null}
      <form className="edit-form" aria-labelledby={titleId} onSubmit={(e) => { e.preventDefault(); void editor.save(); }}>
        {errors[''] ? <p role="alert" className="field-error">{errors['']}</p> : Object.keys(errors).length ? <p role="alert" className="field-error">{t.fixErrors}</p> : null}
        <fieldset disabled={!canEdit || editor.state === 'saving'}>
          {children}
          <div className="form-actions">
            <button type="submit" className="button" disabled={!canEdit || (!creating && !editor.dirty)} aria-keyshortcuts="Control+S Meta+S">
              {editor.state === 'saving' ? t.saving : creating ? t.create : t.save}
            </button>
            <span className="muted">{t.saveShortcut}</span>
            {editor.state === 'saved' ? <span role="status">{t.saved}</span> : null}
            {entity ? <span className="muted">{t.version} {entity.version} ({etagOf(entity.version)})</span> : null}
          </div>
        </fieldset>
      </form>
      {entity ? (
        <>
          {canEdit ? actions?.(entity) : null}
          {canEdit ? <DeleteButton type={type} id={entity.id} version={entity.version} disabled={editor.dirty} listPath={listPath} t={t} /> : null}
          <Revisions type={type} item={entity} canRestore={canEdit && !editor.dirty} onRestored={(next) => editor.setEntity(next)} t={t} locale={locale} labels={labels} />
          <AuditLog type={type} id={entity.id} version={entity.version} labels={labels} t={t} locale={locale} />
          {footer?.(entity)}
        </>
      ) : null}
      <LeaveDialog t={t} blocker={editor.blocker} />
    </section>
  );
}

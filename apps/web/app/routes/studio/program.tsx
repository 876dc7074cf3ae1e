// /studio/:lang/programs/:id (or /programs/new) — the program's edit form and its publishing actions.
import { Link, useParams } from 'react-router';
import { cms, etagOf, type Program, type ProgramInput } from '../../studio/cms';
import { ConflictPanel, LeaveDialog, useEditor, type EditorSpec } from '../../studio/editor';
import { CheckboxField, SelectField, TextField } from '../../studio/fields';
import { StatusBadge } from '../../studio/list';
import { useSession, useStudioLocale } from '../../studio/session';
import { Workflow } from '../../studio/workflow';
import { Revisions } from '../../studio/revisions';
import { DeleteButton } from '../../studio/delete';
import { AuditLog } from '../../studio/audit';
import { MediaUpload } from '../../studio/upload';
import { PreviewLink } from '../../studio/preview-link';
import { bodyOf, tagsText } from '../../studio/values';

const FIELDS = ['title', 'slug', 'description', 'kind', 'language', 'tags', 'explicit'] as const;

const spec: EditorSpec<Program> = {
  fields: FIELDS,
  toValues: (p) => ({
    title: p?.title ?? '', slug: p?.slug ?? '', description: p?.description ?? '', kind: p?.kind ?? 'podcast',
    language: p?.language ?? 'ar', tags: tagsText(p?.tags ?? []), explicit: p?.explicit ?? false,
  }),
  toBody: (values, fields, creating) => bodyOf(values, fields, { creating, optionalText: ['slug'] }),
  read: (id) => cms().GET('/api/cms/programs/{id}', { params: { path: { id } } }),
  create: (body) => cms().POST('/api/cms/programs', { body: body as ProgramInput }),
  patch: (id, body, ifMatch) => cms().PATCH('/api/cms/programs/{id}', { params: { path: { id }, header: { 'if-match': ifMatch } }, body: body as never }),
  pathOf: () => '',
};

export default function ProgramEdit() {
  const { id } = useParams();
  const { locale, t, path } = useStudioLocale();
  const { canEdit } = useSession();
  const creating = id === 'new';
  const editor = useEditor({ ...spec, pathOf: (newId) => path(`programs/${newId}`) }, creating ? undefined : id);
  const { entity, values, set, errors } = editor;
  const labels: Record<string, string> = { title: t.title, slug: t.slug, description: t.description, kind: t.kind, language: t.language, tags: t.tags, explicit: t.explicit, status: t.status };
  const text = (name: string) => String(values[name] ?? '');

  if (editor.state === 'loading') return <p role="status">{t.loading}</p>;
  if (editor.state === 'missing') return <p role="alert">{editor.loadProblem?.status === 404 ? t.notFound : editor.loadProblem?.detail ?? t.errorGeneric} <Link to={path('programs')}>{t.backToList}</Link></p>;

  return (
    <section aria-labelledby="program-title" className="editor">
      <p><Link to={path('programs')}>{t.backToList}</Link></p>
      <div className="title-row">
        <h1 id="program-title" dir="auto">{creating ? t.newProgram : entity?.title}</h1>
        {entity ? <StatusBadge status={entity.status} t={t} /> : null}
        {editor.dirty ? <span className="badge">{t.unsavedBadge}</span> : null}
      </div>
      {editor.conflict ? (
        <ConflictPanel t={t} fields={FIELDS} labels={labels} mine={values} theirs={spec.toValues(editor.conflict)} onReload={editor.resolveConflict.reloadTheirs} onKeepMine={editor.resolveConflict.keepMine} />
      ) : null}
      <form className="edit-form" aria-labelledby="program-title" onSubmit={(e) => { e.preventDefault(); void editor.save(); }}>
        {errors[''] ? <p role="alert" className="field-error">{errors['']}</p> : Object.keys(errors).length ? <p role="alert" className="field-error">{t.fixErrors}</p> : null}
        <fieldset disabled={!canEdit || editor.state === 'saving'}>
          <TextField name="title" label={t.title} value={text('title')} onChange={(v) => set('title', v)} error={errors.title} required />
          <TextField name="slug" label={t.slug} value={text('slug')} onChange={(v) => set('slug', v)} error={errors.slug} />
          <TextField name="description" label={t.description} value={text('description')} onChange={(v) => set('description', v)} error={errors.description} multiline />
          <div className="field-row">
            <SelectField name="kind" label={t.kind} value={text('kind')} onChange={(v) => set('kind', v)} error={errors.kind}>
              <option value="podcast">{t.kind_podcast}</option><option value="series">{t.kind_series}</option><option value="documentary">{t.kind_documentary}</option>
            </SelectField>
            <SelectField name="language" label={t.language} value={text('language')} onChange={(v) => set('language', v)} error={errors.language}>
              <option value="ar">{t.language_ar}</option><option value="en">{t.language_en}</option>
            </SelectField>
          </div>
          <TextField name="tags" label={t.tags} value={text('tags')} onChange={(v) => set('tags', v)} error={errors.tags} />
          <CheckboxField name="explicit" label={t.explicit} checked={values.explicit === true} onChange={(v) => set('explicit', v)} error={errors.explicit} />
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
          {canEdit ? (
            <Workflow type="program" item={entity} t={t} locale={locale} onDone={(next) => editor.setEntity(next)} disabledReason={editor.dirty ? t.saveFirst : undefined} />
          ) : null}
          {canEdit ? <MediaUpload programId={entity.id} disabled={editor.dirty} t={t} locale={locale} onReady={() => void editor.refresh()} /> : null}
          {canEdit ? <PreviewLink type="program" id={entity.id} locale={locale} t={t} disabledReason={editor.dirty ? t.previewSaveFirst : undefined} /> : null}
          {canEdit ? <DeleteButton type="program" id={entity.id} version={entity.version} disabled={editor.dirty} listPath={path('programs')} t={t} /> : null}
          <Revisions type="program" item={entity} canRestore={canEdit && !editor.dirty} onRestored={(next) => editor.setEntity(next)} t={t} locale={locale} labels={labels} />
          <AuditLog type="program" id={entity.id} version={entity.version} labels={labels} t={t} locale={locale} />
          {entity.status === 'published' ? <p><a href={`/${locale}/programs/${encodeURIComponent(entity.slug)}`}>{t.viewOnSite}</a></p> : null}
        </>
      ) : null}
      <LeaveDialog t={t} blocker={editor.blocker} />
    </section>
  );
}


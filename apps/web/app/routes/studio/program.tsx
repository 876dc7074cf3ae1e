// /studio/:lang/programs/:id (or /programs/new) — the program's edit form and its publishing actions.
import { useParams } from 'react-router';
import { cms, type Program, type ProgramInput } from '../../studio/cms';
import { useEditor, type EditorSpec } from '../../studio/editor';
import { EditorFrame } from '../../studio/editor-frame';
import { CheckboxField, SelectField, TextField } from '../../studio/fields';
import { useStudioLocale } from '../../studio/session';
import { Workflow } from '../../studio/workflow';
import { MediaUpload } from '../../studio/upload';
import { PreviewLink } from '../../studio/preview-link';
import { bodyOf, peopleText, tagsText } from '../../studio/values';
import { PeopleField } from '../../studio/people-field';
import { useLoad } from '../../studio/use-load';
import { categoryName } from '../../studio/cms';

const FIELDS = ['title', 'slug', 'description', 'kind', 'language', 'categoryId', 'tags', 'explicit', 'people'] as const;

const spec: EditorSpec<Program> = {
  fields: FIELDS,
  toValues: (p) => ({
    title: p?.title ?? '', slug: p?.slug ?? '', description: p?.description ?? '', kind: p?.kind ?? 'podcast',
    language: p?.language ?? 'ar', categoryId: p?.categoryId ?? '', tags: tagsText(p?.tags ?? []), explicit: p?.explicit ?? false,
    people: peopleText(p?.people ?? []),
  }),
  toBody: (values, fields, creating) => bodyOf(values, fields, { creating, optionalText: ['slug'], nullable: ['categoryId'] }),
  read: (id) => cms().GET('/api/cms/programs/{id}', { params: { path: { id } } }),
  create: (body) => cms().POST('/api/cms/programs', { body: body as ProgramInput }),
  patch: (id, body, ifMatch) => cms().PATCH('/api/cms/programs/{id}', { params: { path: { id }, header: { 'if-match': ifMatch } }, body: body as never }),
  pathOf: () => '',
};

export default function ProgramEdit() {
  const { id } = useParams();
  const { locale, t, path } = useStudioLocale();
  const creating = id === 'new';
  const editor = useEditor({ ...spec, pathOf: (newId) => path(`programs/${newId}`) }, creating ? undefined : id);
  const { values, set, errors } = editor;
  const labels: Record<string, string> = { title: t.title, slug: t.slug, description: t.description, kind: t.kind, language: t.language, categoryId: t.category, tags: t.tags, explicit: t.explicit, people: t.peopleLinked, status: t.status };
  // Every category, to choose from (a catalogue has tens of them), in the editor's language.
  const categories = useLoad('categories', () => cms().GET('/api/cms/categories', { params: { query: { limit: 200, sort: locale === 'ar' ? 'nameAr' : 'nameEn' } } }));
  const text = (name: string) => String(values[name] ?? '');

  return (
    <EditorFrame
      type="program" editor={editor} fields={FIELDS} toValues={spec.toValues} labels={labels}
      heading={creating ? t.newProgram : editor.entity?.title}
      actions={(entity) => (
        <>
          <Workflow type="program" item={entity} t={t} locale={locale} onDone={(next) => editor.setEntity(next)} disabledReason={editor.dirty ? t.saveFirst : undefined} />
          <MediaUpload programId={entity.id} disabled={editor.dirty} t={t} locale={locale} onReady={() => void editor.refresh()} />
          <PreviewLink type="program" id={entity.id} locale={locale} t={t} disabledReason={editor.dirty ? t.previewSaveFirst : undefined} />
        </>
      )}
      footer={(entity) => entity.status === 'published' ? <p><a href={`/${locale}/programs/${encodeURIComponent(entity.slug)}`}>{t.viewOnSite}</a></p> : null}
    >
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
      <SelectField name="categoryId" label={t.category} value={text('categoryId')} onChange={(v) => set('categoryId', v)} error={errors.categoryId}>
        <option value="">{t.noCategory}</option>
        {categories.data?.items.map((c) => <option key={c.id} value={c.id}>{categoryName(locale, c)}</option>)}
      </SelectField>
      <TextField name="tags" label={t.tags} value={text('tags')} onChange={(v) => set('tags', v)} error={errors.tags} />
      <CheckboxField name="explicit" label={t.explicit} checked={values.explicit === true} onChange={(v) => set('explicit', v)} error={errors.explicit} />
      <PeopleField value={text('people')} onChange={(v) => set('people', v)} error={errors.people} t={t} />
    </EditorFrame>
  );
}

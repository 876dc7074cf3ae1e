// /studio/:lang/categories/:id (or /categories/new) — a category's names (Arabic and English), URL name,
// parent and position. No workflow: categories are not published one by one.
import { useParams } from 'react-router';
import { categoryName, cms, type Category, type CategoryInput } from '../../studio/cms';
import { useEditor, type EditorSpec } from '../../studio/editor';
import { EditorFrame } from '../../studio/editor-frame';
import { SelectField, TextField } from '../../studio/fields';
import { useStudioLocale } from '../../studio/session';
import { useLoad } from '../../studio/use-load';
import { bodyOf } from '../../studio/values';

const FIELDS = ['nameAr', 'nameEn', 'slug', 'parentId', 'position'] as const;

const spec: EditorSpec<Category> = {
  fields: FIELDS,
  toValues: (c) => ({
    nameAr: c?.nameAr ?? '', nameEn: c?.nameEn ?? '', slug: c?.slug ?? '', parentId: c?.parentId ?? '', position: c?.position.toString() ?? '',
  }),
  toBody: (values, fields, creating) => bodyOf(values, fields, { creating, optionalText: ['slug'], nullable: ['parentId'] }),
  read: (id) => cms().GET('/api/cms/categories/{id}', { params: { path: { id } } }),
  create: (body) => cms().POST('/api/cms/categories', { body: body as CategoryInput }),
  patch: (id, body, ifMatch) => cms().PATCH('/api/cms/categories/{id}', { params: { path: { id }, header: { 'if-match': ifMatch } }, body: body as never }),
  pathOf: () => '',
};

export default function CategoryEdit() {
  const { id } = useParams();
  const { locale, t, path } = useStudioLocale();
  const creating = id === 'new';
  const editor = useEditor({ ...spec, pathOf: (newId) => path(`categories/${newId}`) }, creating ? undefined : id);
  // The possible parents (tens of categories). The server refuses a parent that would make a cycle.
  const categories = useLoad('categories', () => cms().GET('/api/cms/categories', { params: { query: { limit: 200, sort: locale === 'ar' ? 'nameAr' : 'nameEn' } } }));
  const { values, set, errors, entity } = editor;
  const labels: Record<string, string> = { nameAr: t.nameAr, nameEn: t.nameEn, slug: t.slug, parentId: t.parentCategory, position: t.position };
  const text = (name: string) => String(values[name] ?? '');

  return (
    <EditorFrame
      type="category" editor={editor} fields={FIELDS} toValues={spec.toValues} labels={labels}
      heading={creating ? t.newCategory : entity ? categoryName(locale, entity) : undefined}
      footer={(c) => <p><a href={`/${locale}/categories/${encodeURIComponent(c.slug)}`}>{t.viewOnSite}</a></p>}
    >
      <div className="field-row">
        <TextField name="nameAr" label={t.nameAr} value={text('nameAr')} onChange={(v) => set('nameAr', v)} error={errors.nameAr} required />
        <TextField name="nameEn" label={t.nameEn} value={text('nameEn')} onChange={(v) => set('nameEn', v)} error={errors.nameEn} required />
      </div>
      <TextField name="slug" label={t.slug} value={text('slug')} onChange={(v) => set('slug', v)} error={errors.slug} />
      <div className="field-row">
        <SelectField name="parentId" label={t.parentCategory} value={text('parentId')} onChange={(v) => set('parentId', v)} error={errors.parentId}>
          <option value="">{t.topLevel}</option>
          {categories.data?.items.filter((c) => c.id !== entity?.id).map((c) => <option key={c.id} value={c.id}>{categoryName(locale, c)}</option>)}
        </SelectField>
        <TextField name="position" type="number" label={t.position} value={text('position')} onChange={(v) => set('position', v)} error={errors.position} />
      </div>
    </EditorFrame>
  );
}

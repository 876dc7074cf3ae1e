// /studio/:lang/people/:id (or /people/new) — a person's name, URL name, biography and image URL. No
// workflow: people appear on the site through the programs and episodes that credit them.
import { useParams } from 'react-router';
import { cms, type Person, type PersonInput } from '../../studio/cms';
import { useEditor, type EditorSpec } from '../../studio/editor';
import { EditorFrame } from '../../studio/editor-frame';
import { TextField } from '../../studio/fields';
import { useStudioLocale } from '../../studio/session';
import { bodyOf } from '../../studio/values';

const FIELDS = ['name', 'slug', 'bio', 'imageUrl'] as const;

const spec: EditorSpec<Person> = {
  fields: FIELDS,
  toValues: (p) => ({ name: p?.name ?? '', slug: p?.slug ?? '', bio: p?.bio ?? '', imageUrl: p?.imageUrl ?? '' }),
  toBody: (values, fields, creating) => bodyOf(values, fields, { creating, optionalText: ['slug'], nullable: ['imageUrl'] }),
  read: (id) => cms().GET('/api/cms/people/{id}', { params: { path: { id } } }),
  create: (body) => cms().POST('/api/cms/people', { body: body as PersonInput }),
  patch: (id, body, ifMatch) => cms().PATCH('/api/cms/people/{id}', { params: { path: { id }, header: { 'if-match': ifMatch } }, body: body as never }),
  pathOf: () => '',
};

export default function PersonEdit() {
  const { id } = useParams();
  const { locale, t, path } = useStudioLocale();
  const creating = id === 'new';
  const editor = useEditor({ ...spec, pathOf: (newId) => path(`people/${newId}`) }, creating ? undefined : id);
  const { values, set, errors } = editor;
  const labels: Record<string, string> = { name: t.personName, slug: t.slug, bio: t.bio, imageUrl: t.imageUrl };
  const text = (name: string) => String(values[name] ?? '');

  return (
    <EditorFrame
      type="person" editor={editor} fields={FIELDS} toValues={spec.toValues} labels={labels}
      heading={creating ? t.newPerson : editor.entity?.name}
      footer={(p) => <p><a href={`/${locale}/people/${encodeURIComponent(p.slug)}`}>{t.viewOnSite}</a></p>}
    >
      <TextField name="name" label={t.personName} value={text('name')} onChange={(v) => set('name', v)} error={errors.name} required />
      <TextField name="slug" label={t.slug} value={text('slug')} onChange={(v) => set('slug', v)} error={errors.slug} />
      <TextField name="bio" label={t.bio} value={text('bio')} onChange={(v) => set('bio', v)} error={errors.bio} multiline />
      <TextField name="imageUrl" label={t.imageUrl} hint={t.imageUrlHint} value={text('imageUrl')} onChange={(v) => set('imageUrl', v)} error={errors.imageUrl} />
    </EditorFrame>
  );
}

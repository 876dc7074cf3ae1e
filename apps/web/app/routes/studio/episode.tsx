// /studio/:lang/episodes/:id (or /episodes/new?programId=…) — the episode's edit form and its publishing
// actions, scheduling included.
import { useParams, useSearchParams } from 'react-router';
import { cms, type Episode, type EpisodeInput } from '../../studio/cms';
import { useEditor, type EditorSpec } from '../../studio/editor';
import { EditorFrame } from '../../studio/editor-frame';
import { CheckboxField, SelectField, TextField } from '../../studio/fields';
import { useStudioLocale } from '../../studio/session';
import { Workflow } from '../../studio/workflow';
import { MediaUpload } from '../../studio/upload';
import { RenditionPlayer } from '../../studio/rendition-player';
import { PreviewLink } from '../../studio/preview-link';
import { bodyOf, peopleText, tagsText } from '../../studio/values';
import { PeopleField } from '../../studio/people-field';
import { useLoad } from '../../studio/use-load';

const FIELDS = ['programId', 'title', 'description', 'language', 'episodeType', 'season', 'number', 'tags', 'explicit', 'people'] as const;

const spec: EditorSpec<Episode> = {
  fields: FIELDS,
  toValues: (e) => ({
    programId: e?.programId ?? '', title: e?.title ?? '', description: e?.description ?? '', language: e?.language ?? 'ar',
    episodeType: e?.episodeType ?? 'full', season: e?.season?.toString() ?? '', number: e?.number?.toString() ?? '',
    tags: tagsText(e?.tags ?? []), explicit: e?.explicit ?? false, people: peopleText(e?.people ?? []),
  }),
  toBody: (values, fields, creating) => bodyOf(values, fields, { creating }),
  read: (id) => cms().GET('/api/cms/episodes/{id}', { params: { path: { id } } }),
  create: (body) => cms().POST('/api/cms/episodes', { body: body as EpisodeInput }),
  patch: (id, body, ifMatch) => cms().PATCH('/api/cms/episodes/{id}', { params: { path: { id }, header: { 'if-match': ifMatch } }, body: body as never }),
  pathOf: () => '',
};

export default function EpisodeEdit() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const { locale, t, path } = useStudioLocale();
  const creating = id === 'new';
  const editor = useEditor({ ...spec, pathOf: (newId) => path(`episodes/${newId}`) }, creating ? undefined : id, creating ? { programId: search.get('programId') ?? '' } : undefined);
  const programs = useLoad('programs', () => cms().GET('/api/cms/programs', { params: { query: { limit: 200, sort: 'title' } } }));
  const { values, set, errors } = editor;
  const labels: Record<string, string> = { programId: t.program, title: t.title, description: t.description, language: t.language, episodeType: t.episodeType, season: t.season, number: t.number, tags: t.tags, explicit: t.explicit, people: t.peopleLinked, media: t.media, status: t.status, publishAt: t.scheduleAt, durationSeconds: t.duration };
  const text = (name: string) => String(values[name] ?? '');

  return (
    <EditorFrame
      type="episode" editor={editor} fields={FIELDS} toValues={spec.toValues} labels={labels}
      heading={creating ? t.newEpisode : editor.entity?.title}
      actions={(entity) => (
        <>
          <Workflow type="episode" item={entity} publishAt={entity.publishAt} t={t} locale={locale} onDone={(next) => editor.setEntity(next)} disabledReason={editor.dirty ? t.saveFirst : undefined} />
          <MediaUpload episodeId={entity.id} disabled={editor.dirty} t={t} locale={locale} onReady={() => void editor.refresh()} />
          <PreviewLink type="episode" id={entity.id} locale={locale} t={t} disabledReason={editor.dirty ? t.previewSaveFirst : undefined} />
        </>
      )}
      footer={(entity) => (
        <>
          <RenditionPlayer episodeId={entity.id} refresh={entity.media.map((m) => m.url).join(' ')} t={t} />
          {entity.status === 'published' ? <p><a href={`/${locale}/episodes/${entity.id}`}>{t.viewOnSite}</a></p> : null}
        </>
      )}
    >
      <SelectField name="programId" label={t.program} value={text('programId')} onChange={(v) => set('programId', v)} error={errors.programId}>
        <option value="">—</option>
        {programs.data?.items.map((p) => <option key={p.id} value={p.id}>{p.title}</option>)}
      </SelectField>
      <TextField name="title" label={t.title} value={text('title')} onChange={(v) => set('title', v)} error={errors.title} required />
      <TextField name="description" label={t.description} value={text('description')} onChange={(v) => set('description', v)} error={errors.description} multiline />
      <div className="field-row">
        <SelectField name="language" label={t.language} value={text('language')} onChange={(v) => set('language', v)} error={errors.language}>
          <option value="ar">{t.language_ar}</option><option value="en">{t.language_en}</option>
        </SelectField>
        <SelectField name="episodeType" label={t.episodeType} value={text('episodeType')} onChange={(v) => set('episodeType', v)} error={errors.episodeType}>
          <option value="full">{t.episodeType_full}</option><option value="trailer">{t.episodeType_trailer}</option><option value="bonus">{t.episodeType_bonus}</option>
        </SelectField>
        <TextField name="season" type="number" label={t.season} value={text('season')} onChange={(v) => set('season', v)} error={errors.season} />
        <TextField name="number" type="number" label={t.number} value={text('number')} onChange={(v) => set('number', v)} error={errors.number} />
      </div>
      <TextField name="tags" label={t.tags} value={text('tags')} onChange={(v) => set('tags', v)} error={errors.tags} />
      <CheckboxField name="explicit" label={t.explicit} checked={values.explicit === true} onChange={(v) => set('explicit', v)} error={errors.explicit} />
      <PeopleField value={text('people')} onChange={(v) => set('people', v)} error={errors.people} t={t} />
    </EditorFrame>
  );
}

import { Link, useLoaderData, type LoaderFunctionArgs, type MetaFunction } from 'react-router';
import { must, notFound, previewTokenOf } from '../api/load';
import { serverApi } from '../context';
import { MESSAGES, type Locale } from '../i18n/messages';
import { useLocale } from '../i18n/use-locale';
import { Paragraphs } from '../components/Paragraphs';
import { formatDate, formatMinutes, formatNumber } from '../i18n/format';
import { EpisodeRow, PlayButton } from '../components/cards';
import { episodeRow } from '../api/client';
import { Artwork } from '../components/Artwork';
import { absolute, breadcrumbs, isoDuration, pageMeta } from '../components/seo';
import { sourcesOf } from '../player/sources';
import { originOf } from './locale';
import { PreviewBanner } from '../components/PreviewBanner';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ context, params, request }: LoaderFunctionArgs) {
  // An id that cannot be an episode is simply not found (not a "bad request").
  if (!UUID.test(params.id ?? '')) notFound();
  // A studio preview link: the current draft, through the token (never the public read model).
  const token = previewTokenOf(request);
  if (token !== null) {
    const draft = await must(serverApi(context).GET('/api/discovery/preview/episodes/{id}', { params: { path: { id: params.id! }, query: { token } } }));
    return { ...draft, preview: true, moreLikeThis: [], alsoPlayed: [] };
  }
  const api = serverApi(context);
  const path = { id: params.id! };
  // The shelves are extras: if one fails, the page still renders without it.
  const [episode, similar, also] = await Promise.all([
    must(api.GET('/api/discovery/episodes/{id}', { params: { path } })),
    api.GET('/api/discovery/episodes/{id}/more-like-this', { params: { path, query: { limit: 8 } } }).then((r) => r.data?.items ?? [], () => []),
    api.GET('/api/discovery/episodes/{id}/also-played', { params: { path, query: { limit: 8 } } }).then((r) => r.data?.items ?? [], () => []),
  ]);
  return { ...episode, preview: false, moreLikeThis: similar.map(episodeRow), alsoPlayed: also.map(episodeRow) };
}

export const meta: MetaFunction<typeof loader> = ({ params, matches, data: episode }) => {
  if (!episode) return [];
  const locale = params.lang as Locale;
  const t = MESSAGES[locale];
  const origin = originOf(matches);
  const path = `/episodes/${episode.id}`;
  const programPath = `/programs/${encodeURIComponent(episode.program.slug)}`;
  const sources = sourcesOf(episode.media);
  const contentUrl = sources.progressive ?? sources.hls;
  return pageMeta({
    locale, origin, path, title: episode.title, description: episode.description, image: episode.program.artworkUrl,
    type: sources.video ? 'video.episode' : 'music.song', noindex: episode.preview,
    jsonLd: [
      {
        '@context': 'https://schema.org',
        '@type': 'PodcastEpisode',
        name: episode.title,
        description: episode.description,
        url: `${origin}/${locale}${path}`,
        datePublished: episode.publishAt,
        inLanguage: episode.language,
        ...(episode.number !== null ? { episodeNumber: episode.number } : {}),
        ...(episode.durationSeconds !== null ? { timeRequired: isoDuration(episode.durationSeconds) } : {}),
        ...(contentUrl ? { associatedMedia: { '@type': 'MediaObject', contentUrl: absolute(origin, contentUrl) } } : {}),
        partOfSeries: { '@type': 'PodcastSeries', name: episode.program.title, url: `${origin}/${locale}${programPath}` },
      },
      breadcrumbs(origin, locale, [{ name: t.home, path: '/' }, { name: episode.program.title, path: programPath }, { name: episode.title, path }]),
    ],
  });
};

export default function EpisodePage() {
  const episode = useLoaderData<typeof loader>();
  const { locale, t } = useLocale();
  const minutes = formatMinutes(locale, episode.durationSeconds, t.minutes);
  const playable = sourcesOf(episode.media);
  return (
    <article className="episode" aria-labelledby="episode-title">
      {episode.preview ? <PreviewBanner /> : null}
      <nav aria-label={t.breadcrumb} className="breadcrumb">
        <Link to={`/${locale}/programs/${encodeURIComponent(episode.program.slug)}`} dir="auto">{episode.program.title}</Link>
      </nav>
      <header className="episode-header">
        <Artwork url={episode.program.artworkUrl} title={episode.program.title} size={160} eager />
        <div>
          <h1 id="episode-title" dir="auto">{episode.title}</h1>
          <p className="muted">
            {episode.season !== null ? <>{t.season} {formatNumber(locale, episode.season)}{t.sep}</> : null}
            {episode.number !== null ? <>{t.episodeNumber} {formatNumber(locale, episode.number)}{t.sep}</> : null}
            <time dateTime={episode.publishAt}>{formatDate(locale, episode.publishAt)}</time>
            {minutes ? <>{t.sep}{minutes}</> : null}
            {playable.video ? <>{t.sep}{t.videoEpisode}</> : null}
          </p>
          {playable.hls || playable.progressive ? (
            <p className="episode-play"><PlayButton episode={episode} label={t.playEpisode} /> <span aria-hidden="true">{t.playEpisode}</span></p>
          ) : (
            <p className="muted">{t.notPlayable}</p>
          )}
        </div>
      </header>
      <section aria-label={t.description}>
        <Paragraphs className="description" text={episode.description} />
      </section>
      {episode.people.length > 0 ? (
        <section aria-labelledby="people-title">
          <h2 id="people-title">{t.people}</h2>
          <ul className="people-list">
            {episode.people.map((person) => (
              <li key={`${person.id}-${person.role}`}><Link to={`/${locale}/people/${encodeURIComponent(person.slug)}`} dir="auto">{person.name}</Link></li>
            ))}
          </ul>
        </section>
      ) : null}
      {episode.alsoPlayed.length > 0 ? (
        <section aria-labelledby="also-played" className="shelf">
          <h2 id="also-played">{t.alsoPlayed}</h2>
          <ul className="episode-list">{episode.alsoPlayed.map((e) => <EpisodeRow key={e.id} episode={e} />)}</ul>
        </section>
      ) : null}
      {episode.moreLikeThis.length > 0 ? (
        <section aria-labelledby="more-like-this" className="shelf">
          <h2 id="more-like-this">{t.moreLikeThis}</h2>
          <ul className="episode-list">{episode.moreLikeThis.map((e) => <EpisodeRow key={e.id} episode={e} />)}</ul>
        </section>
      ) : null}
    </article>
  );
}

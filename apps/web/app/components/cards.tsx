// Program cards and episode rows, shared by the home page, category, program, person and search pages.
import { Link } from 'react-router';
import type { Episode, Media, ProgramCard as ProgramCardData } from '../api/client';
import { formatDate, formatMinutes, formatNumber } from '../i18n/format';
import { useLocale } from '../i18n/use-locale';
import { isPlayable } from '../player/sources';
import { usePlayer } from '../player/PlayerProvider';
import { Artwork } from './Artwork';

export function ProgramCard({ program, eager = false }: { program: Pick<ProgramCardData, 'slug' | 'title' | 'artworkUrl' | 'episodeCount'>; eager?: boolean }) {
  const { locale, t } = useLocale();
  return (
    <li className="program-card">
      <Link to={`/${locale}/programs/${encodeURIComponent(program.slug)}`}>
        <Artwork url={program.artworkUrl} title={program.title} size={160} eager={eager} />
        <span className="card-title" dir="auto">{program.title}</span>
        <span className="muted">{t.episodesCount(formatNumber(locale, program.episodeCount))}</span>
      </Link>
    </li>
  );
}

type EpisodeLike = Pick<Episode, 'id' | 'title' | 'publishAt' | 'durationSeconds' | 'program' | 'media' | 'number'> & { description?: string };

export function PlayButton({ episode, label }: { episode: EpisodeLike; label?: string }) {
  const player = usePlayer();
  const { locale, t } = useLocale();
  const media = episode.media as readonly Media[];
  if (!isPlayable(media)) return null;
  const current = player.item?.id === episode.id;
  const playing = current && player.playing;
  const name = label ?? `${playing ? t.pause : t.play}: ${episode.title}`;
  return (
    <button
      type="button"
      className={`play-button${playing ? ' playing' : ''}`}
      aria-label={name}
      onClick={() =>
        current
          ? player.toggle()
          : player.play({
              id: episode.id,
              title: episode.title,
              programTitle: episode.program.title,
              programSlug: episode.program.slug,
              artworkUrl: episode.program.artworkUrl,
              media,
              durationSeconds: episode.durationSeconds,
              locale,
            })
      }
    >
      <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
    </button>
  );
}

export function EpisodeRow({ episode, showProgram = true }: { episode: EpisodeLike; showProgram?: boolean }) {
  const { locale, t } = useLocale();
  const minutes = formatMinutes(locale, episode.durationSeconds, t.minutes);
  return (
    <li className="episode-row">
      <PlayButton episode={episode} />
      <div className="episode-text">
        <Link to={`/${locale}/episodes/${episode.id}`} className="episode-title" dir="auto">{episode.title}</Link>
        <span className="muted">
          {showProgram ? <><span dir="auto">{episode.program.title}</span>{t.sep}</> : null}
          <time dateTime={episode.publishAt}>{formatDate(locale, episode.publishAt)}</time>
          {minutes ? <>{t.sep}{minutes}</> : null}
        </span>
      </div>
    </li>
  );
}

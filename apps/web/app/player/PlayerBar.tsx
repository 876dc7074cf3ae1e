// The persistent player bar: play/pause, ±15/30 s, a waveform scrubber, speed, chapters, and keyboard
// shortcuts (k or space: play/pause, j: back 15 s, l: forward 30 s, < and >: speed) that work anywhere
// on the page except while typing. Video episodes show their picture in a panel above the bar.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useLocale } from '../i18n/use-locale';
import { formatClock, formatNumber } from '../i18n/format';
import { SPEEDS, usePlayer } from './PlayerProvider';
import { sourcesOf } from './sources';
import { Scrubber } from './Waveform';
import { loadChapters, type Chapter } from './chapters';

function typing(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  return element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
}

export function PlayerBar() {
  const player = usePlayer();
  const { locale, t, dir } = useLocale();
  const [chapters, setChapters] = useState<Chapter[]>([]);
  const item = player.item;
  const sources = item ? sourcesOf(item.media) : undefined;

  useEffect(() => {
    setChapters([]);
    if (!sources?.chapters) return;
    const controller = new AbortController();
    loadChapters(sources.chapters, controller.signal).then(setChapters, () => setChapters([]));
    return () => controller.abort();
  }, [sources?.chapters]);

  useEffect(() => {
    if (!item) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      const speedIndex = SPEEDS.indexOf(player.rate as (typeof SPEEDS)[number]);
      switch (event.key) {
        case ' ':
        case 'k':
          if (event.key === ' ' && (event.target as HTMLElement | null)?.closest('button, a, [role="option"]')) return;
          event.preventDefault();
          player.toggle();
          break;
        case 'j':
          player.skip(-15);
          break;
        case 'l':
          player.skip(30);
          break;
        case '<':
          player.setRate(SPEEDS[Math.max(0, speedIndex - 1)] ?? 1);
          break;
        case '>':
          player.setRate(SPEEDS[Math.min(SPEEDS.length - 1, speedIndex + 1)] ?? 1);
          break;
        default:
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [item, player]);

  if (!item || !sources) return null;
  const clock = (s: number) => formatClock(locale, s);
  const duration = player.duration || item.durationSeconds || 0;
  return (
    <section className="player" aria-label={t.player}>
      {sources.video ? (
        <video ref={player.attach} className="player-video" playsInline preload="metadata" aria-label={item.title} />
      ) : (
        <audio ref={player.attach} preload="metadata" />
      )}
      <div className="player-row">
        {item.artworkUrl ? <img className="player-art" src={item.artworkUrl} alt="" width={48} height={48} /> : <span className="player-art placeholder" aria-hidden="true" />}
        <div className="player-title">
          <span className="visually-hidden">{t.nowPlaying}: </span>
          <Link to={`/${locale}/episodes/${item.id}`} dir="auto">{item.title}</Link>
          <Link to={`/${locale}/programs/${item.programSlug}`} className="muted" dir="auto">{item.programTitle}</Link>
        </div>
        <div className="player-buttons">
          <button type="button" className="icon-button" onClick={() => player.skip(-15)} aria-label={t.back15} title={t.back15}>
            <span aria-hidden="true">{dir === 'rtl' ? '↻' : '↺'}{formatNumber(locale, 15)}</span>
          </button>
          <button type="button" className="icon-button primary" onClick={player.toggle} aria-label={player.playing ? t.pause : t.play} title={player.playing ? t.pause : t.play}>
            <span aria-hidden="true">{player.playing ? '❚❚' : '▶'}</span>
          </button>
          <button type="button" className="icon-button" onClick={() => player.skip(30)} aria-label={t.forward30} title={t.forward30}>
            <span aria-hidden="true">{formatNumber(locale, 30)}{dir === 'rtl' ? '↺' : '↻'}</span>
          </button>
        </div>
        <div className="player-progress">
          <span className="time" aria-hidden="true">{clock(player.time)}</span>
          <Scrubber
            label={t.seek}
            time={player.time}
            duration={duration}
            valueText={`${clock(player.time)} / ${clock(duration)}`}
            waveformUrl={sources.waveform}
            onSeek={player.seek}
            rtl={dir === 'rtl'}
          />
          <span className="time" aria-hidden="true">{clock(duration)}</span>
        </div>
        <label className="player-speed">
          <span className="visually-hidden">{t.speed}</span>
          <select value={player.rate} onChange={(event) => player.setRate(Number(event.target.value))}>
            {SPEEDS.map((speed) => (
              <option key={speed} value={speed}>{`${formatNumber(locale, speed)}×`}</option>
            ))}
          </select>
        </label>
      </div>
      {player.failed ? <p className="player-error" role="alert">{t.notPlayable}</p> : null}
      {chapters.length > 0 ? (
        <details className="player-chapters">
          <summary>{t.chapters}</summary>
          <ol>
            {chapters.map((chapter) => (
              <li key={chapter.startTime}>
                <button type="button" className="link-button" onClick={() => player.seek(chapter.startTime)}>
                  <span className="time">{clock(chapter.startTime)}</span> <span dir="auto">{chapter.title}</span>
                </button>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}

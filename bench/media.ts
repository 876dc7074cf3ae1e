// Media pipeline benchmark: our steps beside the very same FFmpeg commands run bare, in one run.
//
//   node apps/server/bin/run-ts.mjs bench/media.ts            10 min of audio, 1 min of 720p video
//   node apps/server/bin/run-ts.mjs bench/media.ts --quick    1 min / 10 s, to check it works
//
// "Bare" replays every command the step ran (recorded through observeCommands), in order, with plain
// child_process.spawn and output to another directory: no progress parsing, no waveform folding in JS
// (the PCM goes to /dev/null instead), no content-type check, hashing, manifest or atomic rename. The
// overhead ratio is pipeline time / bare time. The real-time factor is media duration / pipeline time.
// --npm benchmarks the static builds shipped in npm packages instead of the FFmpeg on PATH.
//
// Pipeline and bare runs alternate (--repeat N, default 2) and the best wall time of each is reported,
// because a shared 2-core machine adds noise that only ever slows a run down. CPU time (FFmpeg children
// from /proc/self/stat, plus this Node process) is reported too: it barely moves with other load.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { processAudio } from '../apps/server/src/media/steps/audio.js';
import { locateTools, toolVersion, type Tool } from '../apps/server/src/media/steps/binaries.js';
import type { MediaManifest } from '../apps/server/src/media/steps/manifest.js';
import { observeCommands, runTool } from '../apps/server/src/media/steps/run-tool.js';
import { processVideo } from '../apps/server/src/media/steps/video.js';
import { cpuSeconds } from './support.js';

const quick = process.argv.includes('--quick');
const keep = process.argv.includes('--keep');
const AUDIO_SECONDS = quick ? 60 : 600;
const VIDEO_SECONDS = quick ? 10 : 60;
const repeatAt = process.argv.indexOf('--repeat');
const REPEAT = repeatAt > 0 ? Math.max(1, Number(process.argv[repeatAt + 1])) : 2;


const tools = process.argv.includes('--npm') ? locateTools({ PATH: '' }) : locateTools();
const work = await mkdtemp(join(tmpdir(), 'thmnayah-bench-media-'));

async function generate(args: string[]) {
  await runTool(tools.ffmpeg, ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args], { label: 'bench input', timeoutMs: 600_000 });
}

interface Recorded {
  tool: Tool;
  args: string[];
  label: string;
}

function runBare(command: Recorded): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command.tool.path, command.args, { stdio: 'ignore', env: { ...process.env, ...command.tool.env } });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command.label}: exit ${code}: ${command.args.join(' ')}`))));
  });
}

interface Run {
  wallMs: number;
  cpuSeconds: number;
}

interface Result {
  name: string;
  mediaSeconds: number;
  pipeline: Run;
  bare: Run;
  commands: Array<{ label: string; ms: number }>;
  manifest: MediaManifest;
}

async function runPipeline(name: string, input: string, step: (input: string, out: string) => Promise<MediaManifest>) {
  const outDir = join(work, `${name}-out`);
  const recorded: Recorded[] = [];
  const stop = observeCommands((tool, args, label) => recorded.push({ tool, args: [...args], label }));
  const cpu = await cpuSeconds();
  const started = performance.now();
  const manifest = await step(input, outDir);
  const run = { wallMs: performance.now() - started, cpuSeconds: (await cpuSeconds()) - cpu };
  stop();
  return { outDir, recorded, manifest, run };
}

async function runBareCommands(name: string, outDir: string, recorded: Recorded[]) {
  // The step wrote into .<name>-out.tmp-XXXXXXXX next to outDir. Bare FFmpeg writes into its own
  // directory; ffprobe reads the step's final outputs (the files it probed were renamed into place).
  const temp = new RegExp(`${join(dirname(outDir), `.${basename(outDir)}.tmp-`).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[0-9a-f]{8}`, 'g');
  const bareDir = join(work, `${name}-bare`);
  await rm(bareDir, { recursive: true, force: true });
  const commands: Result['commands'] = [];
  const cpu = await cpuSeconds();
  let wallMs = 0;
  for (const command of recorded) {
    const isProbe = command.tool.path === tools.ffprobe.path;
    const args = command.args.map((arg) => (arg === 'pipe:3' ? '/dev/null' : arg.replace(temp, isProbe ? outDir : bareDir)));
    for (const arg of args) {
      if (!arg.startsWith(bareDir)) continue;
      const parent = dirname(arg);
      if (parent.includes('%v')) for (let i = 0; i < 8; i++) await mkdir(parent.replace('%v', String(i)), { recursive: true });
      else await mkdir(parent, { recursive: true });
    }
    const t = performance.now();
    await runBare({ ...command, args });
    const ms = performance.now() - t;
    wallMs += ms;
    commands.push({ label: command.label, ms });
  }
  return { run: { wallMs, cpuSeconds: (await cpuSeconds()) - cpu }, commands };
}

async function measure(name: string, mediaSeconds: number, input: string, step: (input: string, out: string) => Promise<MediaManifest>): Promise<Result> {
  let best: Result | undefined;
  for (let i = 0; i < REPEAT; i++) {
    process.stderr.write(`${name}: round ${i + 1} of ${REPEAT}\n`);
    const pipeline = await runPipeline(name, input, step);
    const bare = await runBareCommands(name, pipeline.outDir, pipeline.recorded);
    const result: Result = { name, mediaSeconds, pipeline: pipeline.run, bare: bare.run, commands: bare.commands, manifest: pipeline.manifest };
    best = best
      ? {
        ...best,
        pipeline: { wallMs: Math.min(best.pipeline.wallMs, result.pipeline.wallMs), cpuSeconds: Math.min(best.pipeline.cpuSeconds, result.pipeline.cpuSeconds) },
        bare: { wallMs: Math.min(best.bare.wallMs, result.bare.wallMs), cpuSeconds: Math.min(best.bare.cpuSeconds, result.bare.cpuSeconds) },
        commands: best.bare.wallMs <= result.bare.wallMs ? best.commands : result.commands,
      }
      : result;
  }
  return best!;
}

try {
  const podcast = join(work, 'podcast.mp3');
  const film = join(work, 'documentary.mp4');
  process.stderr.write(`generating ${AUDIO_SECONDS} s of audio and ${VIDEO_SECONDS} s of 720p video ...\n`);
  // Speech-like: pink noise, amplitude-modulated at syllable rate, stereo, as a 192 kb/s MP3 upload.
  await generate(['-f', 'lavfi', '-i', `anoisesrc=color=pink:amplitude=0.3:sample_rate=44100:seed=1:duration=${AUDIO_SECONDS},tremolo=f=3:d=0.8`, '-ac', '2', '-c:a', 'libmp3lame', '-b:a', '192k', podcast]);
  await generate([
    '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=25:duration=${VIDEO_SECONDS}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${VIDEO_SECONDS}`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-ac', '2', film,
  ]);

  const results = [
    await measure('audio', AUDIO_SECONDS, podcast, (input, out) => processAudio(input, out, { tools })),
    await measure('video', VIDEO_SECONDS, film, (input, out) => processVideo(input, out, { tools })),
  ];

  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(`\nMedia pipeline — ${await toolVersion(tools.ffmpeg)} (${tools.ffmpeg.source}), ${process.platform}/${process.arch}, Node ${process.version}, best of ${REPEAT}\n`);
  console.log('| case | media | pipeline wall | bare wall | overhead wall | pipeline CPU | bare CPU | overhead CPU | real-time factor |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  const describe: Record<string, string> = {
    audio: `audio ${AUDIO_SECONDS / 60} min MP3 → loudnorm 2-pass, AAC HLS + MP3 + waveform`,
    video: `video ${VIDEO_SECONDS} s 720p → ${results[1]!.manifest.renditions!.map((r) => r.name).join(' + ')} HLS, loudnorm, poster`,
  };
  for (const r of results) {
    console.log(`| ${describe[r.name]} | ${r.mediaSeconds} s | ${s(r.pipeline.wallMs)} | ${s(r.bare.wallMs)} | ${(r.pipeline.wallMs / r.bare.wallMs).toFixed(3)}× | ${r.pipeline.cpuSeconds.toFixed(2)} s | ${r.bare.cpuSeconds.toFixed(2)} s | ${(r.pipeline.cpuSeconds / r.bare.cpuSeconds).toFixed(3)}× | ${(r.mediaSeconds / (r.pipeline.wallMs / 1000)).toFixed(1)}× |`);
  }
  console.log('\nBare time per command:\n');
  console.log('| case | command | bare |');
  console.log('|---|---|---|');
  for (const r of results) for (const c of r.commands) console.log(`| ${r.name} | ${c.label} | ${s(c.ms)} |`);
  const loudness = results[0]!.manifest.loudness;
  console.log(`\naudio loudness: source ${loudness?.input.integrated} LUFS / ${loudness?.input.truePeak} dBTP → output ${loudness?.output?.integrated} LUFS / ${loudness?.output?.truePeak} dBTP (${loudness?.normalization}${loudness?.limiterCeilingDb !== undefined ? `, limiter at ${loudness.limiterCeilingDb} dBFS` : ''})`);
} finally {
  if (keep) process.stderr.write(`kept ${work}\n`);
  else await rm(work, { recursive: true, force: true });
}

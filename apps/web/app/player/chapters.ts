// Podcasting 2.0 chapters (JSON chapters format: { version, chapters: [{ startTime, title }] }).
export interface Chapter {
  startTime: number;
  title: string;
}

export async function loadChapters(url: string, signal: AbortSignal): Promise<Chapter[]> {
  const response = await fetch(url, { signal });
  if (!response.ok) return [];
  const json = (await response.json()) as { chapters?: unknown };
  if (!Array.isArray(json.chapters)) return [];
  return json.chapters
    .filter((c): c is Chapter => typeof c === 'object' && c !== null && typeof (c as Chapter).startTime === 'number' && typeof (c as Chapter).title === 'string')
    .sort((a, b) => a.startTime - b.startTime);
}

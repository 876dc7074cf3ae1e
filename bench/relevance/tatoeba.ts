// The Tatoeba Arabic–English sentence pairs (CC BY 2.0 FR, attribution kept per row; see
// apps/server/fixtures/tatoeba/PROVENANCE.md): real vocabulary for analyzer tests and the relevance
// evaluation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../../apps/server/src/paths.js';

export interface TatoebaPair {
  en: string;
  ar: string;
  enId: number;
  arId: number;
  enAuthor: string;
  arAuthor: string;
}

export const TATOEBA_PATH = join(fixturesDir, 'tatoeba', 'tatoeba-ara-eng.jsonl');

const cache = new Map<string, TatoebaPair[]>();

/** Reads the JSON-lines file; a malformed line is an error naming the file and line. */
export function loadTatoeba(path: string = TATOEBA_PATH): TatoebaPair[] {
  const cached = cache.get(path);
  if (cached) return cached;
  const pairs: TatoebaPair[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`${path}:${index + 1}: not valid JSON (${(error as Error).message})`);
    }
    const { en, ar, en_id: enId, ar_id: arId, en_author: enAuthor, ar_author: arAuthor } = row;
    if (typeof en !== 'string' || typeof ar !== 'string' || typeof enId !== 'number' || typeof arId !== 'number') {
      throw new Error(`${path}:${index + 1}: expected string "en" and "ar" and numeric "en_id" and "ar_id"`);
    }
    pairs.push({ en, ar, enId, arId, enAuthor: String(enAuthor ?? ''), arAuthor: String(arAuthor ?? '') });
  });
  cache.set(path, pairs);
  return pairs;
}

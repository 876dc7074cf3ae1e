// Small helpers for CMS tests: create entities through the API and read JSON with assertions.
import { expect } from 'vitest';
import type { TestApp } from './app.js';

// Response bodies in tests are checked by assertions, not by the type system.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export async function api(t: TestApp, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, options: { headers?: Record<string, string>; body?: unknown; expect?: number } = {}) {
  const response = await t.app.inject({
    method,
    url,
    headers: options.headers ?? {},
    ...(options.body !== undefined ? { payload: options.body as Json } : {}),
  });
  if (options.expect !== undefined) expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(options.expect);
  return { status: response.statusCode, headers: response.headers, body: response.body ? (safeJson(response.body) as Json) : ({} as Json), raw: response };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { text };
  }
}

export async function createProgram(t: TestApp, headers: Record<string, string>, overrides: Json = {}) {
  const { body } = await api(t, 'POST', '/api/cms/programs', { headers, body: { kind: 'podcast', title: 'برنامج تجريبي', language: 'ar', ...overrides }, expect: 201 });
  return body;
}

export async function createEpisode(t: TestApp, headers: Record<string, string>, programId: string, overrides: Json = {}) {
  const { body } = await api(t, 'POST', '/api/cms/episodes', { headers, body: { programId, title: 'حلقة', ...overrides }, expect: 201 });
  return body;
}

/** Asserts an RFC 9457 problem response with the given status. */
export function expectProblem(response: { status: number; headers: Record<string, unknown>; body: Json }, status: number) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(response.body.status).toBe(status);
  expect(typeof response.body.title).toBe('string');
  expect(typeof response.body.detail).toBe('string');
  expect(response.body.detail.length).toBeGreaterThan(10);
  expect(response.body.type).toMatch(/^\/api\/problems#/);
}

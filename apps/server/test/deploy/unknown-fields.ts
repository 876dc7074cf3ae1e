// Finds fields the Kubernetes API does not know (a typo like `readinesProbes` passes the JSON-schema
// validation of kubernetes-models, whose schemas allow extra properties, but the API server refuses it
// or, worse, drops it). The field lists come from the TypeScript declarations the same packages ship:
// each model's .d.ts spells every property of its interface, nested objects inline (CRDs) or through
// imported interfaces (core types). This reads just that subset of TypeScript.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** A type as far as field checking cares: an object with known keys, a list of something, or anything. */
type Shape = { kind: 'object'; fields: Map<string, () => Shape> } | { kind: 'array'; of: () => Shape } | { kind: 'any' };

const ANY: Shape = { kind: 'any' };
const fileCache = new Map<string, { source: string; imports: Map<string, string> }>();
const shapeCache = new Map<string, Shape>();

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

function resolveImport(fromFile: string, specifier: string): string {
  if (specifier.startsWith('.')) return join(dirname(fromFile), `${specifier}.d.ts`);
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  const rest = parts.slice(specifier.startsWith('@') ? 2 : 1).join('/');
  return join(packageDir(name), `${rest}.d.ts`);
}

function readDeclarations(file: string) {
  let entry = fileCache.get(file);
  if (!entry) {
    const source = readFileSync(file, 'utf8').replace(/\/\*\*[\s\S]*?\*\//g, '');
    const imports = new Map<string, string>();
    for (const match of source.matchAll(/import \{ ([^}]+) \} from "([^"]+)";/g)) {
      for (const name of match[1]!.split(',').map((n) => n.trim())) imports.set(name, match[2]!);
    }
    entry = { source, imports };
    fileCache.set(file, entry);
  }
  return entry;
}

/** The text between the braces that open at `start` (which points at "{"). */
function braced(text: string, start: number): string {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(start + 1, i);
  }
  throw new Error('unbalanced braces in a declaration file');
}

/** Splits `"a"?: T; "b": U;` at depth 0 into [name, type] pairs. */
function properties(body: string): [string, string][] {
  const result: [string, string][] = [];
  let i = 0;
  while (i < body.length) {
    const match = /^\s*"([^"]+)"\??:\s*/.exec(body.slice(i));
    if (!match) {
      const next = body.indexOf('"', i + 1);
      if (next < 0 || /^\s*\[key: string\]/.test(body.slice(i))) break;
      i = next;
      continue;
    }
    i += match[0].length;
    let depth = 0;
    let j = i;
    for (; j < body.length; j++) {
      const c = body[j];
      if (c === '{' || c === '<' || c === '(') depth++;
      else if (c === '}' || c === '>' || c === ')') depth--;
      else if (c === ';' && depth === 0) break;
    }
    result.push([match[1]!, body.slice(i, j).trim()]);
    i = j + 1;
  }
  return result;
}

function shapeOfType(type: string, file: string): Shape {
  const array = /^Array<([\s\S]*)>$/.exec(type);
  if (array) return { kind: 'array', of: lazy(() => shapeOfType(array[1]!.trim(), file)) };
  if (type.startsWith('{')) {
    const body = braced(type, 0);
    if (/^\s*\[key: string\]/.test(body)) return ANY; // a map: any keys
    return objectShape(body, file);
  }
  if (/^I\w+$/.test(type)) {
    const specifier = readDeclarations(file).imports.get(type);
    const target = specifier === undefined ? undefined : resolveImport(file, specifier);
    return target && existsSync(target) ? interfaceShape(target) : ANY;
  }
  return ANY;
}

function objectShape(body: string, file: string): Shape {
  const fields = new Map<string, () => Shape>();
  for (const [name, type] of properties(body)) fields.set(name, lazy(() => shapeOfType(type, file)));
  return { kind: 'object', fields };
}

function interfaceShape(file: string): Shape {
  const cached = shapeCache.get(file);
  if (cached) return cached;
  const { source } = readDeclarations(file);
  const match = /export interface I\w+(?: extends [\w, ]+)? \{/.exec(source);
  const shape = match ? objectShape(braced(source, match.index + match[0].length - 1), file) : ANY;
  shapeCache.set(file, shape);
  return shape;
}

function lazy(make: () => Shape): () => Shape {
  let value: Shape | undefined;
  return () => (value ??= make());
}

/** Where the model of an apiVersion/kind declares its type; undefined when no package here has it. */
export function declarationFile(apiVersion: string, kind: string): string | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const candidates = [
    join(packageDir('kubernetes-models'), group ? `${group}/${version}` : version!, `${kind}.d.ts`),
    join(packageDir('@kubernetes-models/keda'), `${group}/${version}`, `${kind}.d.ts`),
    join(packageDir('@kubernetes-models/prometheus-operator'), `${group}/${version}`, `${kind}.d.ts`),
    join(packageDir('@kubernetes-models/argo-cd'), `${group}/${version}`, `${kind}.d.ts`),
    join(packageDir('@kubernetes-models/cert-manager'), `${group}/${version}`, `${kind}.d.ts`),
  ];
  return candidates.find((file) => existsSync(file));
}

/** Paths (like spec.template.spec.containers[0].readinesProbe) of fields the model does not declare. */
export function unknownFields(object: { apiVersion: string; kind: string }): string[] {
  const file = declarationFile(object.apiVersion, object.kind);
  if (!file) return [`(no declaration for ${object.apiVersion} ${object.kind})`];
  const found: string[] = [];
  const walk = (value: unknown, shape: Shape, path: string) => {
    if (shape.kind === 'any' || value === null || typeof value !== 'object') return;
    if (shape.kind === 'array') {
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, shape.of(), `${path}[${i}]`));
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      const field = shape.fields.get(key);
      if (!field) found.push(path ? `${path}.${key}` : key);
      else walk(child, field(), path ? `${path}.${key}` : key);
    }
  };
  walk(object, interfaceShape(file), '');
  return found;
}

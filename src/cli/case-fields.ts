/**
 * The bad fields of a case file as lines a person can act on, all of them at once and in the order they are
 * written: each names its line and path (`line 8, milestones.0.date: …`), says in plain words what is wrong with
 * the value as written, and how to write it. Loaded only when there is a case file, with the schemas.
 */
import { type Document, isMap, isPair, isScalar, type Node } from 'yaml';
import type { z } from 'zod';
import { CaseFileSchema, MilestoneSchema, PersonSchema } from '../model/case-file.js';
import { dateProblem, readDate } from './date-advice.js';
import { jsonValueSpans, lineColumn } from './json-syntax.js';

type Path = readonly PropertyKey[];

/** Where a value (or, with `name`, its field name) is written: an offset, and the value's own text. */
export type Locator = (path: Path, name?: boolean) => { offset: number; source: string } | undefined;

/** One bad field: its line, the line shown, and whether it is a number where text was meant. */
export interface FieldProblem {
  readonly offset: number | undefined;
  readonly line: string;
  readonly numberAsText: boolean;
}

/** Where each value of a valid JSON text is written. */
export function jsonLocator(text: string): Locator {
  const spans = jsonValueSpans(text);
  return (path, name) => {
    const span = spans?.get(JSON.stringify(path));
    if (!span) return undefined;
    return {
      offset: name ? (span.name ?? span.start) : span.start,
      source: text.slice(span.start, span.end),
    };
  };
}

/** Where each value of a parsed YAML document is written. */
export function yamlLocator(doc: Document, text: string): Locator {
  const at = (node: unknown) => {
    const range = (node as Node | null)?.range;
    return range ? { offset: range[0], source: text.slice(range[0], range[1]) } : undefined;
  };
  return (path, name) => {
    if (!name || path.length === 0) return at(path.length === 0 ? doc.contents : doc.getIn(path, true));
    const parent = doc.getIn(path.slice(0, -1), true);
    const last = path[path.length - 1];
    const pair = isMap(parent)
      ? parent.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === last)
      : undefined;
    return at(pair?.key) ?? at(doc.getIn(path, true));
  };
}

const FIELDS: Record<string, readonly string[]> = {
  top: Object.keys(CaseFileSchema.shape),
  person: Object.keys(PersonSchema.shape),
  milestone: Object.keys(MilestoneSchema.shape),
  window: Object.keys(CaseFileSchema.shape.window.unwrap().shape),
};

/** The fields an object at `path` may hold, and how to name it. */
function fieldsAt(path: Path): { of: string; fields: readonly string[] } | undefined {
  const [first, second] = path;
  if (path.length === 0) return { of: 'the case file', fields: FIELDS.top! };
  if (path.length === 1 && (first === 'subject' || first === 'victim'))
    return { of: String(first), fields: FIELDS.person! };
  if (path.length === 2 && first === 'milestones' && typeof second === 'number')
    return { of: 'a milestone', fields: FIELDS.milestone! };
  if (path.length === 1 && first === 'window') return { of: 'window', fields: FIELDS.window! };
  return undefined;
}

function valueAt(raw: unknown, path: Path): unknown {
  let v = raw;
  for (const k of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A kind of value in words; `wanted` adds how one is written, for the kind a field should hold. */
function kindWords(kind: string, yaml: boolean, wanted = false): string {
  switch (kind) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a yes/no value (true or false)';
    case 'array':
      if (!wanted) return 'a list';
      return yaml
        ? 'a list, e.g. [a, b] or lines starting "- "'
        : 'a list in square brackets, e.g. ["a", "b"]';
    case 'object':
      if (!wanted) return 'a group of fields';
      return yaml ? 'a group of indented "name: value" lines' : 'a group of fields in braces { }';
    case 'null':
      return 'empty';
    default:
      return kind;
  }
}

/** The words for one issue at `path` (after `path: `), and whether it is a number meant as text. */
function issueWords(
  issue: z.core.$ZodIssue,
  raw: unknown,
  locate: Locator,
  yaml: boolean,
): { words: string; numberAsText?: boolean } {
  const value = valueAt(raw, issue.path);
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) {
        return {
          words:
            last === 'label'
              ? `is missing: each milestone needs a label saying what happened, e.g. ${yaml ? 'label: Police warning' : '"label": "Police warning"'}`
              : 'is missing',
        };
      }
      if (value === null) return { words: 'is empty: write a value' };
      if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        // As written where the file says (a number read from YAML has lost its + or leading 0), else as read.
        const source = locate(issue.path)?.source;
        const number = typeof value === 'number';
        const read = `was read as ${kindWords(typeof value, yaml)}, not as text`;
        return {
          words:
            source === undefined
              ? `${value} ${read}${number ? ' (a leading + or 0 may have been lost)' : ''}: it needs quotes, e.g. "${number ? '+447700900123' : value}"`
              : `${source} ${read}: write it in quotes, "${source}"`,
          numberAsText: number,
        };
      }
      return {
        words: `must be ${kindWords(issue.expected, yaml, true)}, not ${kindWords(kindOf(value), yaml)}`,
      };
    }
    case 'too_small':
      return { words: typeof value === 'string' ? 'is empty: write a value or remove it' : issue.message };
    case 'invalid_value':
      return { words: `${JSON.stringify(value)} is not one of ${issue.values.map(String).join(', ')}` };
    case 'invalid_union':
      return issue.path[0] === 'lexicon' && issue.path.length === 2
        ? {
            words: yaml
              ? 'must be a list of words, e.g. [knife, hurt], or terms: [knife, hurt] with replace: true'
              : 'must be a list of words, e.g. ["knife", "hurt"], or { "terms": ["knife", "hurt"], "replace": true }',
          }
        : { words: issue.message };
    case 'custom':
    case 'invalid_format': {
      const dated =
        (issue.path[0] === 'milestones' && last === 'date') ||
        (issue.path[0] === 'window' && issue.path.length === 2);
      if (dated && typeof value === 'string') {
        const reading = readDate(value, issue.path[0] === 'milestones');
        if (reading.kind !== 'ok') {
          const { words, fix } = dateProblem(value, reading);
          const write =
            fix !== undefined
              ? `: write "${fix}"`
              : reading.kind === 'not-real'
                ? ''
                : `: write ${reading.either ? 'the one meant' : 'it'} as "YYYY-MM-DD"`;
          return { words: `"${value}" ${words}${write}` };
        }
      }
      return { words: typeof value === 'string' ? `${issue.message}, not "${value}"` : issue.message };
    }
    default:
      return { words: issue.message };
  }
}

/**
 * A name the file gives (a lexicon category, a misspelt field) that is empty or holds a space, dot, quote, control
 * or invisible character is shown in JSON quotes, `lexicon[" "]`: bare, `lexicon. ` would not show what is wrong,
 * and a line break would split the message.
 */
const PLAIN_SEGMENT = /^[^\s."'\\[\]\p{C}\p{Default_Ignorable_Code_Point}]+$/u;
const pathName = (path: Path) =>
  path.length
    ? path
        .map((k, i) =>
          typeof k !== 'string' || PLAIN_SEGMENT.test(k)
            ? `${i ? '.' : ''}${String(k)}`
            : `[${JSON.stringify(k)}]`,
        )
        .join('')
    : '(top level)';

/**
 * Every bad field, in the order they are written. `extra` are problems found beyond the schema (a region no
 * phone-number table knows), by path.
 */
export function fieldProblems(
  issues: readonly z.core.$ZodIssue[],
  raw: unknown,
  text: string,
  locate: Locator,
  yaml: boolean,
  extra: readonly { path: Path; words: string }[] = [],
): FieldProblem[] {
  // `at` is where the problem is shown: a field name given in error at the name, a missing field where the object
  // that should hold it starts.
  const found: { path: Path; at: Path; name: boolean; words: string; numberAsText?: boolean }[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = fieldsAt(issue.path);
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        found.push({
          path,
          at: path,
          name: true,
          words: `is not a field ${known ? `of ${known.of}` : 'known here'}: check the spelling or remove it${known ? ` (the fields are ${known.fields.join(', ')})` : ''}`,
        });
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined;
    found.push({
      path: issue.path,
      at: missing ? issue.path.slice(0, -1) : issue.path,
      name: false,
      ...issueWords(issue, raw, locate, yaml),
    });
  }
  for (const e of extra) found.push({ ...e, at: e.path, name: false });
  const problems = found.map((f) => {
    const offset = locate(f.at, f.name)?.offset;
    const line = offset === undefined ? '' : `line ${lineColumn(text, offset).line}, `;
    return { offset, line: `${line}${pathName(f.path)}: ${f.words}`, numberAsText: f.numberAsText === true };
  });
  // Stable: problems on one line keep the schema's order; those with no place go last.
  return problems
    .map((p, k) => ({ p, k }))
    .sort((a, b) => (a.p.offset ?? Infinity) - (b.p.offset ?? Infinity) || a.k - b.k)
    .map(({ p }) => p);
}

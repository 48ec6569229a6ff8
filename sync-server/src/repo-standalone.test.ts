/**
 * The repository explains itself: no source file or document cites a design note a clone does not
 * contain (the old design and style files, a path that climbs out of the repository), and every
 * "docs/architecture.md §n" names a section the document has (docs/architecture.md §12). Links to a
 * heading of the README or of the document must name one that exists.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DOC = 'docs/architecture.md';
const SOURCE = /\.(ts|tsx|mjs|css|html|md)$/;
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'data', 'coverage', 'test-results']);

/** Tracked files (git ls-files); without git (an exported tarball), every file outside build output. */
function sourceFiles(): string[] {
  try {
    const listed = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
    return listed.split('\0').filter((f) => SOURCE.test(f));
  } catch {
    const found: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
        const path = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) walk(path);
        else if (entry.isFile() && SOURCE.test(entry.name)) found.push(path);
      }
    };
    walk('');
    return found;
  }
}

// Spelled in pieces, so this file does not cite what it forbids.
const DESIGN = 'DES' + 'IGN';
const STYLE = 'STY' + 'LE';
const OUTSIDE_NOTES: readonly RegExp[] = [
  new RegExp(`\\b${DESIGN}\\.md\\b`),
  new RegExp(`\\b${DESIGN}\\s*§`),
  new RegExp(`\\b${STYLE}\\.md\\b`),
  new RegExp(`\\b${STYLE}\\s*(§|")`),
];
/** A relative path up to the shared folder (import, comment or link), resolved from its file. */
const SHARED_PATH = /(?:\.\.\/)+shared\/[\w./-]*/g;
const DOC_CITATION = /docs\/architecture\.md((?:[\s,;:]*(?:and\s+)?§\d+(?:\.\d+)*)+)/g;
const SECTION = /§(\d+(?:\.\d+)*)/g;

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

function headings(markdown: string): string[] {
  return [...markdown.matchAll(/^#{1,6}\s+(.+?)\s*$/gm)].map((m) => m[1] as string);
}

function read(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8');
}

const files = sourceFiles();
const doc = read(DOC);
const sections = new Set(
  headings(doc)
    .map((h) => /^(\d+(?:\.\d+)*)\.?\s/.exec(h)?.[1])
    .filter((n): n is string => n !== undefined),
);

it('finds the sources and the sections to check', () => {
  expect(files).toEqual(expect.arrayContaining([DOC, 'README.md', 'shared/crypto/record-envelope.ts']));
  expect(files.length).toBeGreaterThan(300);
  for (const n of ['1', '1.2', '4', '6.4', '11', '12']) expect(sections).toContain(n);
});

it('cites no design or style note a clone does not contain', () => {
  const found = files.flatMap((file) =>
    read(file)
      .split('\n')
      .flatMap((line, i) =>
        OUTSIDE_NOTES.some((p) => p.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
      ),
  );
  expect(found).toEqual([]);
});

it('names no relative path to shared/ that leaves the repository or is missing', () => {
  const found = files.flatMap((file) =>
    [...read(file).matchAll(SHARED_PATH)].flatMap((m) => {
      const target = resolve(ROOT, dirname(file), m[0].replace(/[.,:;]+$/, ''));
      const inside = target === ROOT || target.startsWith(ROOT + sep);
      return inside && existsSync(target) ? [] : [`${file}: ${m[0]} → ${relative(ROOT, target)}`];
    }),
  );
  expect(found).toEqual([]);
});

it(`points every "${DOC} §n" at a section the document has`, () => {
  const found = files.flatMap((file) => {
    const text = read(file);
    const cited = [...text.matchAll(DOC_CITATION)].flatMap((m) => [...(m[1] ?? '').matchAll(SECTION)]);
    // Inside the document itself, a bare §n is a cross-reference too.
    const own = file === DOC ? [...text.matchAll(SECTION)] : [];
    return [...cited, ...own]
      .map((m) => m[1] as string)
      .filter((n) => !sections.has(n))
      .map((n) => `${file}: §${n}`);
  });
  expect(found).toEqual([]);
});

it('links only to headings that exist in the README and the document', () => {
  const anchors: Record<string, Set<string>> = {
    'README.md': new Set(headings(read('README.md')).map(slug)),
    [DOC]: new Set(headings(doc).map(slug)),
  };
  const found = files
    .filter((f) => f.endsWith('.md'))
    .flatMap((file) =>
      [...read(file).matchAll(/\]\(([^)\s#]*)#([^)\s]+)\)/g)].flatMap((m) => {
        const target = m[1] ? relative(ROOT, resolve(ROOT, dirname(file), m[1])) : file;
        const known = anchors[target];
        return known && !known.has(m[2] as string) ? [`${file}: ${m[0]}`] : [];
      }),
    );
  expect(found).toEqual([]);
});

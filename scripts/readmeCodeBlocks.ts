// The TypeScript code blocks of a README, as files TypeScript can check: what a developer copies
// from a package page must compile against the published packages.
import { readFileSync } from 'node:fs';

/** One checked file: a block, or several blocks the README says continue each other. */
export interface CodeFile {
  readme: string;
  /** `ts` or `tsx`, as the block's fence says. */
  extension: 'ts' | 'tsx';
  /** The file's text: the declarations of its `<!-- typecheck: … -->` comments, then the blocks. */
  text: string;
  /** For each line of `text`, the README line it came from (0 for a declaration). */
  readmeLines: number[];
}

const FENCE = /^```(ts|tsx|typescript)\s*$/;
/**
 * A comment just before a block, shown to nobody on the rendered page:
 * `<!-- typecheck: continue; declare const session: Session; -->`. `continue` appends the block
 * to the previous one's file (it uses the names imported there); the rest is declarations of the
 * names the block takes from the reader's own code.
 */
const DIRECTIVE = /^<!--\s*typecheck:(.*)-->\s*$/;

/** The lines of `section` (a `## ` heading) of a README, or the whole file. */
function linesOf(text: string, section: string | undefined): { line: string; number: number }[] {
  const lines = text.split('\n').map((line, index) => ({ line, number: index + 1 }));
  if (!section) return lines;
  const start = lines.findIndex(({ line }) => line.trim() === `## ${section}`);
  if (start < 0) throw new Error(`The README has no section "## ${section}".`);
  const end = lines.findIndex(({ line }, index) => index > start && /^## /.test(line));
  return lines.slice(start, end < 0 ? undefined : end);
}

/** The TypeScript blocks of `readme` (of one `## ` section of it, when given), grouped into files. */
export function readmeCodeFiles(readme: string, section?: string): CodeFile[] {
  const files: CodeFile[] = [];
  const lines = linesOf(readFileSync(readme, 'utf8'), section);
  let directive: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const { line } = lines[index]!;
    const comment = DIRECTIVE.exec(line.trim());
    if (comment) {
      directive = comment[1]!.trim();
      continue;
    }
    const fence = FENCE.exec(line.trim());
    if (!fence) {
      if (line.trim() !== '') directive = undefined;
      continue;
    }
    const block: { line: string; number: number }[] = [];
    index++;
    while (index < lines.length && lines[index]!.line.trim() !== '```') block.push(lines[index++]!);
    const parts = (directive ?? '').split(';').map((part) => part.trim());
    const continues = parts.includes('continue');
    const declarations = parts.filter((part) => part !== '' && part !== 'continue').map((part) => `${part};`);
    directive = undefined;
    const previous = files.at(-1);
    const file: CodeFile =
      continues && previous
        ? previous
        : { readme, extension: fence[1] === 'tsx' ? 'tsx' : 'ts', text: '', readmeLines: [] };
    if (file !== previous) files.push(file);
    if (fence[1] === 'tsx') file.extension = 'tsx';
    for (const declaration of declarations) {
      file.text += `${declaration}\n`;
      file.readmeLines.push(0);
    }
    for (const { line: code, number } of block) {
      file.text += `${code}\n`;
      file.readmeLines.push(number);
    }
  }
  return files;
}

/**
 * The lines a host example writes to mount the kit: every non-blank line between a `// Masetra: …`
 * comment and the next `// Masetra: end`, plus the value imports of `@masetra/` packages outside
 * them, in the given files. Type-only imports are not counted: they annotate the host's own code.
 */
export function mountLineCount(files: readonly string[]): number {
  let count = 0;
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    let inside = false;
    let statement: string[] | undefined;
    for (const line of lines) {
      const trimmed = line.trim();
      if (/^\/\/ Masetra: end\b/.test(trimmed)) {
        inside = false;
        continue;
      }
      if (/^\/\/ Masetra: /.test(trimmed)) {
        inside = true;
        continue;
      }
      if (inside) {
        if (trimmed !== '') count++;
        continue;
      }
      if (!statement && trimmed.startsWith('import ')) statement = [];
      if (statement) {
        statement.push(trimmed);
        if (trimmed.endsWith(';')) {
          const text = statement.join(' ');
          if (text.includes("from '@masetra/") && !text.startsWith('import type ')) count += statement.length;
          statement = undefined;
        }
      }
    }
  }
  return count;
}

// @vitest-environment node
// The stylesheet's contract with a host page: every rule in the `masetra` layer, every
// selector scoped to a `masetra-` class, every colour, font, radius and space a variable.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const entry = readFileSync(join(here, 'styles.css'), 'utf8');
const files = [...entry.matchAll(/@import\s+["']([^"']+)["'];/g)].map((match) => match[1]!);
const sources = files.map((file) => ({
  file,
  css: readFileSync(join(here, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, ''),
}));

/** Selector lists of style rules (not at-rules, not keyframe steps). */
function selectorsOf(css: string): string[] {
  const selectors: string[] = [];
  for (const match of css.matchAll(/([^{};]+)\{/g)) {
    const prelude = match[1]!.trim();
    if (prelude.startsWith('@') || /^(from|to|\d+%)(\s*,\s*(from|to|\d+%))*$/.test(prelude)) continue;
    selectors.push(...prelude.split(',').map((selector) => selector.trim()));
  }
  return selectors;
}

describe('styles.css', () => {
  it('imports every stylesheet beside the components, each as the build reads it', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files).toHaveLength((entry.match(/@import/g) ?? []).length);
  });

  it('puts every rule in the masetra layer', () => {
    for (const { file, css } of sources) {
      expect(css.trim().startsWith('@layer masetra {'), file).toBe(true);
      expect(css.trim().endsWith('}'), file).toBe(true);
    }
  });

  it('scopes every selector to a masetra- class: no global, bare-element or universal selectors', () => {
    const offending = sources.flatMap(({ file, css }) =>
      selectorsOf(css)
        .filter(
          (selector) =>
            !selector.startsWith('.masetra-') || /(^|\s)\*|(^|[\s>+~])(html|body|:root)\b/.test(selector),
        )
        .map((selector) => `${file}: ${selector}`),
    );
    expect(offending).toEqual([]);
  });

  it('takes colours, fonts, radii and spacing from --masetra-* variables', () => {
    const literal = sources.flatMap(({ file, css }) =>
      [
        ...css.matchAll(
          /(^|;|\{)\s*(color|background|border-radius|font-family|padding|margin|gap)\s*:\s*([^;}]+)/g,
        ),
      ]
        .map((match) => ({ property: match[2]!, value: match[3]!.trim() }))
        .filter(
          ({ value }) =>
            !/var\(--masetra-|^(0|none|inherit|transparent|auto|0 0 [^;]*|[^;]*var\(--masetra-[^;]*)$/.test(
              value,
            ),
        )
        .map(({ property, value }) => `${file}: ${property}: ${value}`),
    );
    expect(literal).toEqual([]);
  });

  it('sets theme variables for light, dark and the sample brand', () => {
    const tokens = sources.find(({ file }) => file.endsWith('tokens.css'))!.css;
    expect(tokens).toMatch(/\.masetra-root\[data-masetra-theme=["']dark["']\]/);
    expect(tokens).toMatch(/\.masetra-root\[data-masetra-theme=["']brand["']\]/);
    expect(tokens).toContain('--masetra-color-primary:');
  });

  it('defines the dark palette once: every colour is light-dark(), and the themes pick a color-scheme', () => {
    const tokens = sources.find(({ file }) => file.endsWith('tokens.css'))!.css;
    const base = /\.masetra-root \{([^}]*)\}/.exec(tokens)![1]!;
    const colours = [...base.matchAll(/(--masetra-color-[\w-]+):\s*([^;]+);/g)];
    expect(colours.length).toBeGreaterThan(20);
    expect(
      colours.filter(([, , value]) => !value!.startsWith('light-dark(')).map(([, name]) => name),
    ).toEqual([]);
    expect(tokens).toMatch(/\[data-masetra-theme="dark"\]\s*\{\s*color-scheme: dark;/);
    expect(tokens).toMatch(/\[data-masetra-theme="system"\]\s*\{\s*color-scheme: light dark;/);
    expect(tokens).not.toContain('prefers-color-scheme');
  });
});

/**
 * A package's public surface as a reviewer reads it: for every subpath of its `exports` map,
 * the names it exports, values and types apart. Export-name snapshot tests pin it, so a change
 * of public API (a type included) is a visible decision in review, as Clerk's snapshots make it.
 * Node only (TypeScript's compiler API).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface EntrySurface {
  values: string[];
  types: string[];
}

/** Subpaths of `exports` that carry no code: the manifest and stylesheets. */
const isCodeSubpath = (subpath: string) => subpath !== './package.json' && !subpath.endsWith('.css');

/**
 * @param packageDir the package's folder
 * @param entries each code subpath of the `exports` map → the source file it is built from
 * @throws when `entries` and the `exports` map name different subpaths
 */
export function publicSurface(
  packageDir: string,
  entries: Record<string, string>,
): Record<string, EntrySurface> {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    exports: Record<string, unknown>;
  };
  const declared = Object.keys(manifest.exports).filter(isCodeSubpath).sort();
  const given = Object.keys(entries).sort();
  if (declared.join() !== given.join()) {
    throw new Error(`exports map has ${declared.join(', ')} but the test names ${given.join(', ')}`);
  }
  const files = Object.fromEntries(given.map((subpath) => [subpath, join(packageDir, entries[subpath]!)]));
  const program = ts.createProgram(Object.values(files), {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    jsx: ts.JsxEmit.ReactJSX,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  return Object.fromEntries(
    given.map((subpath) => {
      const source = program.getSourceFile(files[subpath]!);
      const module = source && checker.getSymbolAtLocation(source);
      if (!module) throw new Error(`${files[subpath]} is not a module`);
      const surface: EntrySurface = { values: [], types: [] };
      for (const symbol of checker.getExportsOfModule(module)) {
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        const isValue = (target.flags & ts.SymbolFlags.Value) !== 0;
        (isValue ? surface.values : surface.types).push(symbol.getName());
      }
      surface.values.sort();
      surface.types.sort();
      return [subpath, surface];
    }),
  );
}

// The one place exceljs is loaded, with finan-bulk's fixes to it in force however it was installed.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Module, createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type * as ExcelTypes from "exceljs";

const require = createRequire(import.meta.url);
const PATCH_FILE = fileURLToPath(new URL("../../patches/exceljs+4.4.0.patch", import.meta.url));
const MARK = "finan-bulk patch";

interface PatchEffect {
  type: string;
  path: string;
}

interface CompilableModule {
  filename: string;
  paths: string[];
  loaded: boolean;
  _compile(source: string, filename: string): void;
}

/**
 * patch-package applies patches/exceljs+4.4.0.patch at install in this repository, but npm 11
 * skips dependencies' install scripts, so an installed finan-bulk may find exceljs unpatched
 * (and Vietnamese text split across chunks turned into U+FFFD, exceljs#2063). Then each unpatched
 * file is patched in memory with patch-package's own applier and compiled in place of the original
 * before exceljs loads it. Returns the files patched this way (empty when install did it).
 */
export function ensureExcelPatched(): string[] {
  const { parsePatchFile } = require("patch-package/dist/patch/parse") as { parsePatchFile(text: string): PatchEffect[] };
  const { executeEffects } = require("patch-package/dist/patch/apply") as {
    executeEffects(effects: PatchEffect[], options: { dryRun: boolean; bestEffort: boolean; cwd: string; errors?: string[] }): void;
  };
  const patched: string[] = [];
  const effects = parsePatchFile(readFileSync(PATCH_FILE, "utf8"));
  for (const effect of effects) {
    if (effect.type !== "patch") continue;
    const target = require.resolve(effect.path.replace(/^node_modules\//, ""));
    const source = readFileSync(target, "utf8");
    if (source.includes(MARK) || require.cache[target]) continue;
    const scratch = mkdtempSync(join(tmpdir(), "finan-bulk-exceljs-"));
    try {
      const copy = join(scratch, effect.path);
      mkdirSync(dirname(copy), { recursive: true });
      writeFileSync(copy, source);
      executeEffects([effect], { dryRun: false, bestEffort: false, cwd: scratch });
      compileInPlace(target, readFileSync(copy, "utf8"));
      patched.push(target);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  return patched;
}

/** Registers `source` as the module at `filename`, so its own relative requires resolve as before. */
function compileInPlace(filename: string, source: string): void {
  const module = new Module(filename) as unknown as CompilableModule;
  module.filename = filename;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(filename));
  module._compile(source, filename);
  module.loaded = true;
  require.cache[filename] = module as unknown as NodeJS.Module;
}

/** Files patched in memory by this process (empty when the install already patched them). */
export const patchedInMemory = ensureExcelPatched();

export const ExcelJS = require("exceljs") as typeof ExcelTypes;

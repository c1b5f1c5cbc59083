// Bundles the extension-host suite into out/test/vscode/suite/ (index.js + one .js per *.test.ts).
// vscode comes from the host; mocha stays external so index.js and the test files share one instance.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const source = path.join(repoRoot, 'test/vscode/suite');
export const suiteOutDir = path.join(repoRoot, 'out/test/vscode/suite');

export async function buildSuite() {
  fs.rmSync(suiteOutDir, { recursive: true, force: true }); // no stale test files from renamed sources
  const entryPoints = fs.readdirSync(source).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => path.join(source, f));
  await esbuild.build({
    entryPoints, outdir: suiteOutDir, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    sourcemap: 'inline', external: ['vscode', 'mocha'], logLevel: 'warning',
  });
  return path.join(suiteOutDir, 'index.js');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`built ${path.relative(repoRoot, await buildSuite())}`);
}

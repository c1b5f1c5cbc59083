// Parse once per document version: every feature asks this cache for the analysis of the
// version it was given, and the work is done at most once per version.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from './core/analyze';
import type { Settings } from './settings';

interface Entry {
  version: number;
  analysis: Analysis;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly settings: () => Settings, private readonly log: (message: string) => void) {}

  get(document: TextDocument): Analysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    const started = Date.now();
    const analysis = analyzeSafely(document.getText(), this.settings().maxDocumentSize, this.log, document.uri);
    this.entries.set(document.uri, { version: document.version, analysis });
    const ms = Date.now() - started;
    if (ms > 200) this.log(`analysed ${document.uri} v${document.version} in ${ms} ms`);
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}

function analyzeSafely(text: string, maxLength: number, log: (message: string) => void, uri: string): Analysis {
  try {
    return analyze(text, { maxLength });
  } catch (error) {
    // A filing we cannot read must never take the server down: answer with an empty model.
    log(`analysis of ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return analyze('', {});
  }
}

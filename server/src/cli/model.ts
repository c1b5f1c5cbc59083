// `tickmark model`: the document model as JSON, the same object the language server answers to
// tickmark/parsedModel, so what an editor shows can be compared with what a script sees.
import { loadDocument } from './document';
import type { Output } from './output';

export function runModel(options: { file: string; maxSize: number }, out: Output): number {
  const { model } = loadDocument(options.file, options.maxSize);
  out.write(`${JSON.stringify(model, null, 2)}\n`);
  return 0;
}

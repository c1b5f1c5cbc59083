// Placeholder entry for the command line; replaced by the full CLI.
import { readFileSync } from 'node:fs';
import { analyze } from '../core/analyze';

const [command, file] = process.argv.slice(2);
if (command === 'model' && file) console.log(JSON.stringify(analyze(readFileSync(file, 'utf8')).model, null, 2));
else console.error('usage: tickmark model FILE');

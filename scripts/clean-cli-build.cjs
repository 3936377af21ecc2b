// Empties dist/ (but the pane's dist/web) before tsc builds the CLI: tsc never removes the output of a source
// that is gone, and a stale dist/sheets/read-units.js would shadow the dist/sheets/read-units/ folder that
// replaced it (Node resolves the file first), running an old reader without a word.
const fs = require('fs');
const path = require('path');

const dist = path.resolve(__dirname, '..', 'dist');
if (fs.existsSync(dist)) {
  for (const entry of fs.readdirSync(dist)) {
    if (entry !== 'web') fs.rmSync(path.join(dist, entry), { recursive: true, force: true });
  }
}

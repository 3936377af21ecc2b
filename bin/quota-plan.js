#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm install` / `npm ci` (the prepare script).
let cli;
try {
  cli = require('../dist/cli/main.js');
} catch (e) {
  if (e.code !== 'MODULE_NOT_FOUND') throw e;
  process.stderr.write('quota-plan chưa được dựng: hãy chạy `npm install` trong thư mục dự án.\n');
  process.stderr.write('quota-plan is not built yet: run `npm install` in the project folder.\n');
  process.exit(1);
}
cli.runCli(process.argv.slice(2));

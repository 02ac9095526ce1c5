#!/usr/bin/env node
'use strict';
// The CLI is bundled into dist/cli.js by `npm run build`.
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('尚未构建：请先运行 npm run build。/ Not built yet: run npm run build first.\n');
  process.exit(2);
}
require(cli).run();

/**
 * Entry point of the in-host suite, loaded by the extension host through extensionTestsPath
 * (`run()` is what VS Code calls). Runs every *.test.js next to it with mocha and, when
 * POLICY_REVIEW_E2E_RESULTS names a file, writes each test's outcome there for the summary.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface TestOutcome {
  title: string;
  ok: boolean;
  error?: string;
  ms?: number;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, reporter: 'spec', timeout: 90_000, slow: 10_000 });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const outcomes: TestOutcome[] = [];
  const resultsFile = process.env.POLICY_REVIEW_E2E_RESULTS;
  const save = () => {
    if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify({ tests: outcomes }, null, 2));
  };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        save();
        if (failures > 0) reject(new Error(`${failures} 个测试失败 / ${failures} tests failed`));
        else resolve();
      });
      runner.on('pass', (t) => outcomes.push({ title: t.fullTitle(), ok: true, ms: t.duration }));
      runner.on('fail', (t, err: Error) =>
        outcomes.push({ title: t.fullTitle(), ok: false, error: String(err?.message ?? err).slice(0, 2000), ms: t.duration }),
      );
    } catch (e) {
      save();
      reject(e);
    }
  });
}

/** `node dist/test/e2e/run-provision.js`: installs what the real-editor tests need, nothing else. */
import { provision } from './provision';
import { bi } from './lib/paths';
import { log } from './lib/proc';

provision().then(
  (r) => {
    log(bi('准备完成', 'provisioned'), `apt=${r.aptInstalled} code-server=${r.codeServerInstalled} ${r.seconds.toFixed(1)}s`);
  },
  (e: Error) => {
    console.error(e.message);
    process.exitCode = 1;
  },
);

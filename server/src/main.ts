/**
 * Entry of dist/server.js. Loading the bundle starts the server on the transport named on the
 * command line (--node-ipc from the VS Code client, --stdio from other editors and from
 * `policy-review lsp --stdio`, which simply requires this bundle).
 */
import { startServer } from './server';

export { startServer };

process.on('uncaughtException', (err) => {
  // Logged, never fatal: a bug in one handler must not take the editor's diagnostics with it.
  process.stderr.write(`policy-review: uncaught exception: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
});
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`policy-review: unhandled rejection: ${String(reason)}\n`);
});

startServer();

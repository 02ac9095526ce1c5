/**
 * Debian's Chromium driven by playwright-core. Playwright starts Chromium as the leader of its own
 * process group; close() asks politely, then kills whatever still runs with this profile.
 */
import * as fs from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, bi } from './paths';
import { StepError, killByMarker, pidsWithArg } from './proc';


export interface Browser {
  context: BrowserContext;
  page: Page;
  profileDir: string;
  close(): Promise<void>;
  /** Synchronous kill for process 'exit' handlers. */
  closeNow(): void;
}

export async function launchBrowser(profileDir: string, opts: { viewport?: { width: number; height: number }; locale?: string } = {}): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new StepError('launch chromium', bi(`未找到 ${CHROMIUM}`, `${CHROMIUM} not found`));
  fs.mkdirSync(profileDir, { recursive: true });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      timeout: 60_000,
      viewport: opts.viewport ?? { width: 1400, height: 900 },
      locale: opts.locale,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    });
  } catch (e) {
    await killByMarker(profileDir);
    throw new StepError('launch chromium', (e as Error).message.split('\n').slice(0, 12).join('\n'));
  }
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.race([context.close().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))]);
    await killByMarker(profileDir);
    fs.rmSync(profileDir, { recursive: true, force: true });
  };
  const closeNow = () => {
    for (const pid of pidsWithArg(profileDir)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  };
  return { context, page, profileDir, close, closeNow };
}

// Headless Chromium for the e2e tests that follow a link like a seller would. CI runs on a fresh
// machine, so the first call installs Debian's `chromium` package when it is missing (as root,
// idempotent, printing progress); later calls only check that the binary is there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

function run(command: string, args: string[]): void {
	process.stdout.write(`[chromium] ${command} ${args.join(' ')}\n`);
	const result = spawnSync(command, args, {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		timeout: 900_000,
	});
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}); install chromium by hand: apt-get install -y chromium`);
	}
}

/** Installs chromium with apt when /usr/bin/chromium is missing; a no-op otherwise. */
export function ensureChromium(): string {
	if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
	process.stdout.write(`[chromium] ${CHROMIUM_PATH} is missing: installing it with apt-get\n`);
	run('apt-get', ['update']);
	run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
	if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing`);
	process.stdout.write('[chromium] installed\n');
	return CHROMIUM_PATH;
}

export interface HeadlessBrowser {
	browser: Browser;
	context: BrowserContext;
	close(): Promise<void>;
}

/** A fresh browser (own user data dir, nothing remembered between tests). */
export async function launchChromium(): Promise<HeadlessBrowser> {
	const executablePath = ensureChromium();
	const userDataDir = mkdtempSync(join(tmpdir(), 'viang-chromium-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath,
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: { width: 390, height: 844 },
		locale: 'pt-BR',
	});
	const browser = context.browser() as Browser;
	return {
		browser,
		context,
		async close() {
			await context.close().catch(() => undefined);
			rmSync(userDataDir, { recursive: true, force: true });
		},
	};
}

if (require.main === module) ensureChromium();

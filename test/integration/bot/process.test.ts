// bot/main.ts as a process: configuration from the environment, the warehouse from DATABASE_URL,
// long polling against the fake Bot API, a clean stop on SIGTERM, and no token in its output.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { HELP } from '../../../bot/messages';
import { migrate } from '../../../domain/warehouse';
import { FakeTelegram } from '../../fakes/telegram';
import { createTestDatabase, type TestDatabase } from '../../support/database';

const STAFF = 31337;
let db: TestDatabase;
let telegram: FakeTelegram;
let child: ChildProcess | undefined;
let output = '';

beforeAll(async () => {
	db = await createTestDatabase('viang_bot_process');
	await migrate(db.url);
	telegram = new FakeTelegram();
	await telegram.start();
});

afterAll(async () => {
	if (child && child.exitCode === null) child.kill('SIGKILL');
	await telegram?.stop();
	await db?.drop();
});

test('starts from the environment, answers staff, stops on SIGTERM', async () => {
	const root = join(__dirname, '../../..');
	child = spawn(process.execPath, ['-r', 'ts-node/register', join(root, 'bot/main.ts')], {
		cwd: root,
		env: {
			PATH: process.env.PATH,
			TS_NODE_TRANSPILE_ONLY: '1',
			TS_NODE_PROJECT: join(root, 'tsconfig.json'),
			TELEGRAM_BOT_TOKEN: telegram.token,
			TELEGRAM_API_ROOT: telegram.apiRoot,
			TELEGRAM_STAFF_IDS: String(STAFF),
			DATABASE_URL: db.url,
			VIANG_TOKEN_KEY: randomBytes(32).toString('hex'),
			N8N_WEBHOOK_URL: 'http://127.0.0.1:9',
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));

	await telegram.waitFor(() => telegram.commands, 60_000, 'setMyCommands from the process');
	telegram.sendUserMessage(STAFF, '/ajuda');
	expect((await telegram.nextMessage(STAFF, 30_000)).text).toBe(HELP);

	const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
	child.kill('SIGTERM');
	expect(await exited).toBe(0);
	expect(output).toContain('[bot] pronto (polling)');
	expect(output).toContain('VIANG_WEBHOOK_SECRET não definido');
	expect(output).not.toContain(telegram.token);
	expect(output).not.toContain(telegram.token.split(':')[1]);
}, 120_000);

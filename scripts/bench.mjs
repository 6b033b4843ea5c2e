#!/usr/bin/env node
// `npm run bench -- <name> [args…]` runs bench/<name>.ts with ts-node (transpile only) on this
// Node (24 under npm). Each bench prints its own figures.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
const available = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
if (!name || !existsSync(join(root, 'bench', `${name}.ts`))) {
	console.error(`usage: npm run bench -- <name>   (available: ${available.join(', ') || 'none'})`);
	process.exit(2);
}
const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(root, 'bench', `${name}.ts`), ...args], {
	cwd: root,
	stdio: 'inherit',
	env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.json') },
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));

// Where the project's files are, from source (ts-node, jest) and from dist/ alike.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The package root: the nearest folder above this file holding supabase/migrations. */
export function projectRoot(start = __dirname): string {
	let dir = start;
	for (;;) {
		if (existsSync(join(dir, 'supabase', 'migrations')) && existsSync(join(dir, 'package.json'))) return dir;
		const parent = dirname(dir);
		if (parent === dir) throw new Error(`supabase/migrations not found above ${start}`);
		dir = parent;
	}
}

export function migrationsDir(): string {
	return join(projectRoot(), 'supabase', 'migrations');
}

/** `.data/` of the project (git-ignored), or VIANG_DATA_DIR. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
	return env.VIANG_DATA_DIR ?? join(projectRoot(), '.data');
}

import { rmSync } from 'node:fs';
import postgresGlobalTeardown from './postgres-global-teardown';

export default async function globalTeardown(): Promise<void> {
	await postgresGlobalTeardown();
	const workDir = process.env.VIANG_E2E_WORK_DIR;
	if (workDir) rmSync(workDir, { recursive: true, force: true });
}

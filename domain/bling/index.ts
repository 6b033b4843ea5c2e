// Bling (API v3): OAuth with rotating refresh tokens, an API client under Bling's limits, the
// stock and finance ETL, and webhook signatures.
export * from './api-types';
export * from './client';
export * from './company';
export * from './config';
export * from './errors';
export * from './etl';
export * from './finance';
export * from './limits';
export * from './oauth';
export * from './session';
export * from './signature';
export * from './stock';
export * from './warehouse-port';

// Mercado Livre: API client, OAuth, extractors to staging rows, the ETL, and the SKU/time/money
// rules of docs/metrics.md that live in TypeScript.
export * from './ads';
export * from './api-types';
export * from './client';
export * from './config';
export * from './decimal';
export * from './display';
export * from './errors';
export * from './etl';
export * from './extract';
export * from './items';
export * from './json';
export * from './notifications';
export * from './oauth';
export * from './orders';
export * from './session';
export * from './sku';
export * from './status';
export * from './time';
export * from './visits';
export * from './warehouse-port';

// UpSeller: the small inventory Open API (warehouses, SKU stock per warehouse), per-client
// credentials in the vault, and the stock ETL. No orders: UpSeller publishes none.
export * from './client';
export * from './config';
export * from './credentials';
export * from './etl';
export * from './normalize';
export * from './probe';

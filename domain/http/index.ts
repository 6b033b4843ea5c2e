// Generic HTTP pieces shared by every provider client (Mercado Livre, Bling, Google Ads, WhatsApp).
export * from './api-error';
export * from './fetch-with-timeout';
export * from './http-client';
export * from './rate-limiter';
export * from './redact';
export * from './retry-policy';
export * from './task-pool';

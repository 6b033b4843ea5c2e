// The nightly run, the hourly token refresh and manual reprocessing (docs/nightly.md).
export * from './bounded';
export * from './client-run';
export * from './dispatch';
export * from './due-clients';
export * from './reprocess-request';
export * from './summary';
export * from './token-refresh';

// Public API of the WhatsApp Cloud domain (see docs/whatsapp.md).
export * from './config';
export * from './errors';
export * from './format';
export * from './graph-client';
export * from './signature';
export * from './verification';
export * from './webhook-events';
export * from './routing';
export * from './rules';
export * from './store';
export * from './sender';
export * from './wizard';
export * from './inbound';
export * from './daily-summary';
export * from './time';

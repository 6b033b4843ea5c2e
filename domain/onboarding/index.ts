// Client onboarding (docs/onboarding.md): invite e-mail, signed OAuth state, the seller's pages,
// and the start/complete steps of the Mercado Livre authorization.
export * from './authorization';
export * from './bling-authorization';
export * from './clients';
export * from './html';
export * from './invite-email';
export * from './invite-store';
export * from './invites';
export * from './keys';
export * from './pages';
export * from './state';

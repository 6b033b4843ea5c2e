// The client-etl sub-workflow's logic: which sources run, per-source results, the run's summary
// and what it means for the client's status (docs/nightly.md, docs/onboarding.md).
export * from './client-status';
export * from './run';
export * from './sources';

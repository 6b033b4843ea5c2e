// End-to-end tests boot real n8n processes: each CLI call is a full boot.
jest.setTimeout(600_000);

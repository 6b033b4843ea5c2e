// Integration tests start servers and load data: minutes, not seconds (jest has no per-project testTimeout).
jest.setTimeout(120_000);

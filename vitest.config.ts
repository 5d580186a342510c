import { defineConfig } from 'vitest/config';

// Every test runs under a fixed zone so nothing depends on the machine; DST tests name their zone explicitly.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { TZ: 'UTC' },
    pool: 'forks',
  },
});

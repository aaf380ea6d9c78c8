/** Jest in native ESM mode (see TOOLCHAIN.md): ts-jest transpiles, `tsc --noEmit` type-checks. */
export default {
  testEnvironment: 'node',
  // nock keeps its interceptor on globalThis; Jest 30's globals cleanup breaks the second test file.
  testEnvironmentOptions: { globalsCleanup: 'off' },
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['**/__tests__/**/*.test.ts'],
  // nock patches the process-wide http module; a second test file in the same process
  // can see requests escape its interceptors. So never run in band (Jest would on a
  // 2-core machine) and recycle each worker after every file: one process per file.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1KB',
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { tsconfig: 'tsconfig.json', useESM: true, diagnostics: false }
    ]
  },
  collectCoverageFrom: ['src/**/*.ts', '!src/index.ts', '!src/post-index.ts'],
  coverageReporters: ['text-summary', 'lcov'],
  // A hang detector, not a speed target (speed is measured by scripts/bench.ts): far
  // above what any test takes on a loaded 2-core machine (the slowest, the fault
  // matrix cells and the soak, take about a minute there), so only a real hang fails.
  testTimeout: 300_000
}

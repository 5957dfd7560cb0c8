import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import {
  addToIndex,
  diffAgainstPrevious,
  diffRuns,
  renderMarkdown,
  resolveRunName,
} from '../../reporters/diff';
import {
  baselineRun,
  exchanges,
  HEALTH_BODY,
  LINK_BODY,
  tempDir,
  testRecord,
  writeRun,
  type SyntheticRun,
} from './synthetic-run';

const BIN = join(__dirname, '..', '..', 'bin', 'migo-contract.cjs');

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, 'diff', ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let root: string;
test.beforeEach(() => {
  root = tempDir('diff');
});
test.afterEach(() => rmSync(root, { recursive: true, force: true }));

/** An index entry; only the environment matters to the history. */
const entry = (environment: string) => ({
  startedAt: '',
  environment,
  passed: 1,
  failed: 0,
  skipped: 0,
  flaky: 0,
});

/** The baseline plus one change. */
function variant(change: (run: SyntheticRun) => void): SyntheticRun {
  const run = baselineRun();
  change(run);
  return run;
}

test.describe('diffRuns', () => {
  test('two identical runs: nothing to report, verdict pass', () => {
    const a = writeRun(join(root, 'a'), baselineRun());
    const b = writeRun(join(root, 'b'), baselineRun());
    const diff = diffRuns(a, b);
    expect(diff.verdict).toBe('pass');
    expect(diff.tests).toEqual({
      newFailures: [],
      fixed: [],
      stillFailing: [],
      flaky: [],
      added: [],
      removed: [],
    });
    expect(diff.drift).toEqual([]);
    expect(diff.coverage.compared).toBe(2);
    expect(diff.latency.filter((l) => l.regression)).toEqual([]);
  });

  test('an injected failure is reported as exactly one new failure', () => {
    const a = writeRun(join(root, 'a'), baselineRun());
    const b = writeRun(
      join(root, 'b'),
      variant((run) => (run.tests[1] = testRecord('rejects amount 0 with 7001', 'failed'))),
    );
    const diff = diffRuns(a, b);
    expect(diff.verdict).toBe('fail');
    expect(diff.reasons).toEqual(['1 new failure']);
    expect(diff.tests.newFailures.map((t) => [t.id, t.before, t.after])).toEqual([
      [
        '[simulator] payment-links.spec.ts › POST /transactions › rejects amount 0 with 7001',
        'passed',
        'failed',
      ],
    ]);
    expect(diff.tests.newFailures[0]!.error).toContain('Received: 500');
    expect(diff.tests.fixed).toEqual([]);
    expect(diff.drift).toEqual([]);
  });

  test('an injected field change is reported as exactly that drift', () => {
    const a = writeRun(join(root, 'a'), baselineRun());
    const { URL: _removed, ...withoutUrl } = LINK_BODY;
    const b = writeRun(
      join(root, 'b'),
      variant((run) => {
        run.observations = [
          ...exchanges('POST /transactions', withoutUrl, 20, 10, 30),
          ...exchanges('GET /health', HEALTH_BODY, 10, 5, 8, { surface: 'walletGateway' }),
        ];
      }),
    );
    const diff = diffRuns(a, b);
    expect(diff.tests.newFailures).toEqual([]);
    expect(diff.drift).toEqual([
      {
        surface: 'middleware',
        endpoint: 'POST /transactions',
        status: 200,
        added: [],
        removed: [{ pointer: '/URL', before: 'string' }],
        retyped: [],
        breaking: true,
      },
    ]);
    expect(diff.verdict).toBe('fail');
    expect(diff.reasons).toEqual(['1 endpoint with breaking schema drift']);
  });

  test('retyped fields are breaking, added fields are reported but not breaking', () => {
    const a = writeRun(join(root, 'a'), baselineRun());
    const b = writeRun(
      join(root, 'b'),
      variant((run) => {
        run.observations = [
          ...exchanges('POST /transactions', { ...LINK_BODY, expiresIn: 900 }, 20, 10, 30),
          ...exchanges('GET /health', { ...HEALTH_BODY, statusCode: '200' }, 10, 5, 8, {
            surface: 'walletGateway',
          }),
        ];
      }),
    );
    const diff = diffRuns(a, b);
    expect(diff.drift.map((d) => [d.endpoint, d.breaking, d.added, d.retyped])).toEqual([
      ['GET /health', true, [], [{ pointer: '/statusCode', before: 'integer', after: 'string' }]],
      ['POST /transactions', false, [{ pointer: '/expiresIn', after: 'integer' }], []],
    ]);
    expect(diff.reasons).toEqual(['1 endpoint with breaking schema drift']);
  });

  test('an added field alone passes', () => {
    const a = writeRun(join(root, 'a'), baselineRun());
    const b = writeRun(
      join(root, 'b'),
      variant(
        (run) =>
          (run.observations = exchanges('POST /transactions', { ...LINK_BODY, extra: 'x' }, 20, 10, 30)),
      ),
    );
    const diff = diffRuns(a, b);
    expect(diff.verdict).toBe('pass');
    expect(diff.drift.map((d) => d.added)).toEqual([[{ pointer: '/extra', after: 'string' }]]);
    expect(diff.coverage.onlyInBaseline).toEqual(['walletGateway GET /health → 200']);
  });

  test('no false drift from empty arrays, null parents, integer vs number or unseen statuses', () => {
    const full = {
      success: true,
      data: { methods: [{ name: 'zigi', fee: 1.5 }], intent: { requiredFields: ['a'] } },
    };
    const sparse = { success: true, data: { methods: [], intent: null } };
    const a = writeRun(join(root, 'a'), { tests: [], observations: exchanges('POST /x', full, 3, 10) });
    const b = writeRun(join(root, 'b'), {
      tests: [],
      observations: [
        ...exchanges('POST /x', sparse, 2, 10),
        ...exchanges(
          'POST /x',
          { ...full, data: { ...full.data, methods: [{ name: 'akisi', fee: 2 }] } },
          1,
          10,
        ),
        ...exchanges('POST /x', { message: 'Unauthorized' }, 1, 10, 10, { status: 401 }),
      ],
    });
    const diff = diffRuns(a, b);
    // intent became null in some responses: a retype of /data/intent, its children are not "removed" on top.
    expect(diff.drift.map((d) => [d.added, d.removed, d.retyped])).toEqual([
      [[], [], [{ pointer: '/data/intent', before: 'object', after: 'null|object' }]],
    ]);
    expect(diff.coverage.onlyInCurrent).toEqual(['middleware POST /x → 401']);
  });

  test('a removed object is reported once, with the fields under it counted', () => {
    const body = { data: { card: { id: 1, last4: '1000', status: 'active' } } };
    const a = writeRun(join(root, 'a'), { tests: [], observations: exchanges('POST /c', body, 1, 10) });
    const b = writeRun(join(root, 'b'), {
      tests: [],
      observations: exchanges('POST /c', { data: {} }, 1, 10),
    });
    expect(diffRuns(a, b).drift[0]!.removed).toEqual([
      { pointer: '/data/card', before: 'object', beneath: 3 },
    ]);
  });

  test('fixed, still failing, flaky, added and removed tests', () => {
    const a = writeRun(join(root, 'a'), {
      tests: [testRecord('t1', 'failed'), testRecord('t2', 'failed'), testRecord('t3'), testRecord('gone')],
      observations: [],
    });
    const b = writeRun(join(root, 'b'), {
      tests: [
        testRecord('t1'),
        testRecord('t2', 'failed'),
        testRecord('t3', 'flaky'),
        testRecord('new', 'failed'),
      ],
      observations: [],
    });
    const { tests } = diffRuns(a, b);
    const titles = (list: { id: string }[]) => list.map((t) => t.id.split(' › ').at(-1));
    expect(titles(tests.fixed)).toEqual(['t1']);
    expect(titles(tests.stillFailing)).toEqual(['t2']);
    expect(titles(tests.flaky)).toEqual(['t3']);
    expect(titles(tests.newFailures)).toEqual(['new']);
    expect(tests.newFailures[0]!.before).toBeUndefined();
    expect(tests.added.map((id) => id.split(' › ').at(-1))).toEqual(['new']);
    expect(tests.removed.map((id) => id.split(' › ').at(-1))).toEqual(['gone']);
  });

  test('flags a p95 latency regression only past both thresholds', () => {
    const a = writeRun(join(root, 'a'), baselineRun());
    const b = writeRun(
      join(root, 'b'),
      variant((run) => {
        run.observations = [
          ...exchanges('POST /transactions', LINK_BODY, 20, 10, 90), // p95 30 → ~86 ms
          ...exchanges('GET /health', HEALTH_BODY, 10, 5, 14, { surface: 'walletGateway' }), // p95 8 → 14: small
        ];
      }),
    );
    const diff = diffRuns(a, b);
    const row = (endpoint: string) => diff.latency.find((l) => l.endpoint === endpoint)!;
    expect(row('POST /transactions').regression).toBe(true);
    expect(row('POST /transactions').baseline).toEqual({ count: 20, p50: 19.5, p95: 28.9 });
    expect(row('GET /health').regression).toBe(false);
    expect(diff.verdict).toBe('pass');
    expect(diffRuns(a, b, { failOnLatency: true }).reasons).toEqual(['1 latency regression']);
    expect(diffRuns(a, b, { latency: { p95Pct: 500 } }).latency.some((l) => l.regression)).toBe(false);
  });

  test('the Markdown report names what changed and carries no secret', () => {
    const a = writeRun(join(root, 'a'), baselineRun());
    const b = writeRun(
      join(root, 'b'),
      variant((run) => {
        run.tests[0] = testRecord('creates a link', 'failed', {
          error: 'Error: got 4000000000001000 with Bearer eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
        });
      }),
    );
    const md = renderMarkdown(diffRuns(a, b));
    expect(md).toContain('**FAIL**: 1 new failure.');
    expect(md).toContain('### New failures (1)');
    expect(md).toContain('creates a link` (was passed)');
    expect(md).toContain('••••••••••••1000');
    expect(md).not.toContain('4000000000001000');
    expect(md).not.toContain('eyJ');
  });

  test('names the missing file of something that is not a run directory', () => {
    mkdirSync(join(root, 'empty'));
    expect(() => diffRuns(join(root, 'empty'), join(root, 'empty'))).toThrow(/results\.json is missing/);
    const a = writeRun(join(root, 'a'), baselineRun());
    rmSync(join(a, 'run-summary.json'));
    expect(() => diffRuns(a, a)).toThrow(/run-summary\.json is missing/);
  });
});

test.describe('history', () => {
  test('diffAgainstPrevious compares with the newest earlier run of the same environment', () => {
    const runs = join(root, 'runs');
    const local1 = writeRun(join(runs, '1'), baselineRun());
    const sandbox = writeRun(join(runs, '2'), { ...baselineRun(), environment: 'sandbox' });
    const local3 = writeRun(
      join(runs, '3'),
      variant((r) => (r.tests[0] = testRecord('creates a link', 'failed'))),
    );
    addToIndex(runs, local1, entry('local'));
    addToIndex(runs, sandbox, entry('sandbox'));
    addToIndex(runs, local3, entry('local'));
    const interrupted = writeRun(join(runs, '4'), { tests: [], observations: [] });
    addToIndex(runs, interrupted, { ...entry('local'), status: 'interrupted' });
    const local5 = writeRun(join(runs, '5'), baselineRun());
    addToIndex(runs, local5, entry('local'));
    expect(diffAgainstPrevious(local1)).toBeUndefined();
    expect(diffAgainstPrevious(local5)!.baseline.name).toBe('3'); // an interrupted run is no baseline
    const diff = diffAgainstPrevious(local3)!;
    expect(diff.baseline.name).toBe('1');
    expect(diff.tests.newFailures).toHaveLength(1);
    expect(readFileSync(join(local3, 'diff.md'), 'utf8')).toContain('# Regression report: 3 vs 1');
    expect(JSON.parse(readFileSync(join(local3, 'diff.json'), 'utf8')).verdict).toBe('fail');
    expect(resolveRunName('latest', runs)).toBe(local5);
    expect(resolveRunName('previous', runs)).toBe(local3);
  });

  test('diffAgainstPrevious never throws, it logs', () => {
    const runs = join(root, 'runs');
    const broken = join(runs, '1');
    mkdirSync(broken, { recursive: true });
    const current = writeRun(join(runs, '2'), baselineRun());
    addToIndex(runs, broken, entry('local'));
    addToIndex(runs, current, entry('local'));
    const logged: string[] = [];
    expect(diffAgainstPrevious(current, { log: (l) => logged.push(l) })).toBeUndefined();
    expect(logged.join('\n')).toContain('results.json is missing');
    expect(existsSync(join(current, 'diff.md'))).toBe(false);
  });
});

test.describe('migo-contract diff', () => {
  test('exit 1 with the Markdown on stdout for a new failure; writes diff.md and diff.json', () => {
    const a = writeRun(join(root, 'a'), baselineRun());
    const b = writeRun(
      join(root, 'b'),
      variant((run) => (run.tests[2] = testRecord('refuses a bad token', 'failed'))),
    );
    const { code, stdout, stderr } = cli([a, b], root);
    expect(code, stderr).toBe(1);
    expect(stdout).toContain('**FAIL**: 1 new failure.');
    expect(stdout).toContain('refuses a bad token');
    expect(readFileSync(join(b, 'diff.md'), 'utf8')).toBe(stdout);
    expect(JSON.parse(readFileSync(join(b, 'diff.json'), 'utf8')).tests.newFailures).toHaveLength(1);
  });

  test('exit 1 for breaking drift, 0 for no regression, and --json prints JSON', () => {
    const a = writeRun(join(root, 'a'), baselineRun());
    const same = writeRun(join(root, 'same'), baselineRun());
    const drifted = writeRun(
      join(root, 'drifted'),
      variant(
        (run) => (run.observations = exchanges('POST /transactions', { ...LINK_BODY, uid: 1 }, 20, 10, 30)),
      ),
    );
    const drift = cli([a, drifted], root);
    expect(drift.code, drift.stderr).toBe(1);
    const ok = cli([a, same, '--json', '--no-write'], root);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).verdict).toBe('pass');
    expect(existsSync(join(same, 'diff.json'))).toBe(false);
  });

  test('resolves latest and previous through reports/runs/index.json', () => {
    const runs = join(root, 'reports', 'runs');
    const first = writeRun(join(runs, 'first'), baselineRun());
    const second = writeRun(join(runs, 'second'), baselineRun());
    addToIndex(runs, first, entry('local'));
    addToIndex(runs, second, entry('local'));
    const { code, stdout, stderr } = cli(['previous', 'latest'], root);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('# Regression report: second vs first');
    expect(existsSync(join(second, 'diff.md'))).toBe(true);
  });

  test('exit 2 with a message that says what is wrong', () => {
    const a = writeRun(join(root, 'a'), baselineRun());
    mkdirSync(join(root, 'not-a-run'));
    writeFileSync(join(root, 'not-a-run', 'results.json'), '{"tests": []}');
    const cases: [string[], RegExp][] = [
      [[a], /needs exactly two runs/],
      [[a, join(root, 'missing')], /missing does not exist/],
      [[a, join(root, 'not-a-run')], /run-summary\.json is missing/],
      [[a, a, '--p95-pct', 'fast'], /--p95-pct must be a non-negative number/],
      [[a, a, '--frobnicate'], /unknown option "--frobnicate"/],
      [['previous', 'latest'], /lists no runs/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = cli(args, root);
      expect(code, `${args.join(' ')}\n${stderr}`).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    }
  });
});

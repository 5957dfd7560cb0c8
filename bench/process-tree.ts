/** Memory and CPU of a process tree, read from /proc (Linux): what a run of the runner, its workers and browsers costs. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rssMb } from './load';

/** What a process of a Playwright run is: the runner, a test worker, a browser process, or anything else. */
export type ProcessKind = 'runner' | 'worker' | 'browser' | 'other';

export interface TreeProcess {
  pid: number;
  ppid: number;
  kind: ProcessKind;
  /** user + system CPU so far, ms (clock ticks are 100 Hz on Linux). */
  cpuMs: number;
  rssMb: number;
}

function kindOf(command: string): ProcessKind {
  if (/workerProcessEntry/.test(command)) return 'worker';
  if (/chrom(e|ium)/i.test(command)) return 'browser';
  return /@playwright\/test\/cli\.js/.test(command) ? 'runner' : 'other';
}

/** The process and all its descendants as they are now, each with its CPU time so far and its RSS. */
export function processTree(root: number): TreeProcess[] {
  const all = new Map<number, { ppid: number; cpuMs: number }>();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      all.set(Number(entry), {
        ppid: Number(fields[1]),
        cpuMs: (Number(fields[11]) + Number(fields[12])) * 10,
      });
    } catch {
      // the process ended while we looked
    }
  }
  const tree: TreeProcess[] = [];
  const visit = (pid: number) => {
    const info = all.get(pid);
    if (!info) return;
    let command = '';
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      // gone
    }
    tree.push({
      pid,
      ppid: info.ppid,
      kind: kindOf(command),
      cpuMs: info.cpuMs,
      rssMb: rssMb(pid) ?? 0,
    });
    for (const [child, { ppid }] of all) if (ppid === pid) visit(child);
  };
  visit(root);
  return tree;
}

/**
 * CPU per kind of process over a run, from snapshots taken while it ran: each process's last CPU reading (one that
 * ends between two snapshots loses at most the interval). The worker that launches a browser is the `browserWorker`.
 */
export class TreeCpu {
  private readonly last = new Map<number, TreeProcess>();

  sample(tree: TreeProcess[]): void {
    for (const process of tree) {
      // An exiting process has an empty command line: it keeps the kind it was last seen with while it ran.
      const known = this.last.get(process.pid)?.kind;
      this.last.set(process.pid, process.kind === 'other' && known ? { ...process, kind: known } : process);
    }
  }

  byKind(): {
    runner: number;
    workers: number[];
    browserWorker: number | null;
    browser: number;
    other: number;
  } {
    const processes = [...this.last.values()];
    const sum = (kind: ProcessKind) =>
      processes.filter((p) => p.kind === kind).reduce((total, p) => total + p.cpuMs, 0);
    const browserParents = new Set(processes.filter((p) => p.kind === 'browser').map((p) => p.ppid));
    const workers = processes.filter((p) => p.kind === 'worker');
    const browserWorker = workers.find((w) => browserParents.has(w.pid));
    return {
      runner: sum('runner'),
      workers: workers.filter((w) => w !== browserWorker).map((w) => w.cpuMs),
      browserWorker: browserWorker?.cpuMs ?? null,
      browser: sum('browser'),
      other: sum('other'),
    };
  }
}

/** GNU time, which reports the CPU time of a command and all the children it waited for; absent on some systems. */
export const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Parses what `GNU_TIME -f '%U %S %M' -o FILE` wrote: user+sys CPU ms and the largest single process's RSS. */
export function parseGnuTime(text: string): { cpuMs: number; maxProcessRssMb: number } | undefined {
  const match = /(\d+\.\d+) (\d+\.\d+) (\d+)\s*$/.exec(text.trim());
  if (!match) return undefined;
  return {
    cpuMs: Math.round((Number(match[1]) + Number(match[2])) * 1000),
    maxProcessRssMb: Math.round(Number(match[3]) / 1024),
  };
}

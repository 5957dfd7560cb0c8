/** Memory and CPU of a process tree, read from /proc (Linux): what a run of the runner, its workers and browsers costs. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rssMb } from './load';

/** RSS of a process and all its descendants, in MB (shared pages count once per process). */
export function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const visit = (p: number) => {
    total += rssMb(p) ?? 0;
    for (const child of children.get(p) ?? []) visit(child);
  };
  visit(pid);
  return Math.round(total * 10) / 10;
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

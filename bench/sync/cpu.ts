/**
 * CPU time spent while a figure runs: this process's (the till's sync client
 * and the in-process cloud) and the PostgreSQL server's, when it runs on this
 * machine (its processes read from /proc). On a machine of N cores a figure
 * cannot take less wall time than their sum ÷ N: the bound the push's note gives.
 * Every `postgres` process counts (run no other cluster's work beside a bench),
 * and a connection that closes meanwhile takes its share with it.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Seconds of CPU (user + system) every process named `postgres` has used so far; null off Linux. */
function postgresCpuSeconds(): number | null {
  let ticks = 0;
  let found = false;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // "pid (comm) state …": the name may hold spaces, so split after its closing bracket.
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
      const fields = stat.slice(close + 2).split(' ');
      // utime and stime are fields 14 and 15 of the whole line: indexes 11 and 12 after "state".
      ticks += Number(fields[11]) + Number(fields[12]);
      found = true;
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found ? ticks / TICKS_PER_SECOND : null;
}

export interface CpuSpent {
  /** This process: user + system seconds. */
  self: number;
  /** PostgreSQL's processes on this machine (connections that ended meanwhile are not counted); null when none are visible. */
  postgres: number | null;
}

/** Starts counting; the returned function gives what was spent since. */
export function cpuMeter(): () => CpuSpent {
  const selfAtStart = process.cpuUsage();
  const postgresAtStart = postgresCpuSeconds();
  return () => {
    const self = process.cpuUsage(selfAtStart);
    const postgresNow = postgresCpuSeconds();
    return {
      self: (self.user + self.system) / 1e6,
      postgres:
        postgresAtStart === null || postgresNow === null ? null : postgresNow - postgresAtStart,
    };
  };
}

/** "1.23 s in this process and 2.34 s in PostgreSQL" (or without PostgreSQL's when it is not visible). */
export function cpuText(spent: CpuSpent): string {
  return spent.postgres === null
    ? `${spent.self.toFixed(2)} s in this process (PostgreSQL's not visible here)`
    : `${spent.self.toFixed(2)} s in this process and ${spent.postgres.toFixed(2)} s in PostgreSQL`;
}

/** The least wall time this CPU allows on `cores` cores (null when PostgreSQL's is not visible). */
export function leastWallSeconds(spent: CpuSpent, cores: number): number | null {
  return spent.postgres === null ? null : (spent.self + spent.postgres) / cores;
}

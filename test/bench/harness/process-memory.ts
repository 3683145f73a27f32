// The sync worker's memory, read from outside it. The worker is a process of its own, so the
// app's resident memory is the main process's resident set plus the worker's own pages: its
// anonymous and shared-memory pages. Its file pages are Node's code and the libraries, which the
// main process maps too and which are in memory once. Linux (/proc), as the figures that use it.
import { readFileSync } from 'node:fs';

export interface ProcessRss {
  /** The whole resident set, in bytes. */
  all: number;
  /** Its anonymous and shared-memory pages, in bytes. */
  own: number;
}

export function processRss(pid: number): ProcessRss {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => {
    const value = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1];
    if (value === undefined) throw new Error(`no ${field} for process ${pid}`);
    return Number(value) * 1024;
  };
  return { all: kb('VmRSS'), own: kb('RssAnon') + kb('RssShmem') };
}

/** The app's resident memory, in bytes: the main process's resident set and the worker's own pages. */
export const appResident = (mainRss: number, worker: ProcessRss): number => mainRss + worker.own;

export const toMb = (bytes: number): number => Math.round((bytes / 1024 ** 2) * 10) / 10;

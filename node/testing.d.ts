// Types of `opentok-native/testing`: a real opentok-emulator process for a test (lib/testing.js).
import type OpenTok from './index';
import type { ChildProcess } from 'child_process';

/** A running emulator and a client pointed at it. */
export interface RunningEmulator {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** The api key of the project it serves (`123456` unless `apiKey` was given). */
  apiKey: string;
  /** The project's secret. */
  apiSecret: string;
  /** An `OpenTok` client on `url` with these credentials. */
  client: OpenTok;
  /** Ends the process (SIGTERM, SIGKILL after 5 s); idempotent. */
  stop(): Promise<void>;
  /** The emulator's process id. */
  pid: number;
  /** The emulator's child process. */
  process: ChildProcess;
  /** Connects a simulated client with `token`; rejects when the emulator refuses it. */
  connect(sessionId: string, token: string): Promise<{ connectionId: string; role: string; data?: string; [k: string]: unknown }>;
}

/** Options of `startEmulator`. */
export interface StartEmulatorOptions {
  /** The binary; default `$EMULATOR_BIN`, the `opentok-emulator` package, or PATH. */
  binary?: string;
  /** Extra command-line flags. */
  args?: string[];
  /** Serve this project instead of the development one. */
  apiKey?: string | number;
  apiSecret?: string;
  /** Options for the client's constructor (`apiUrl` is set to the emulator). */
  clientOptions?: Record<string, unknown>;
  /** How long to wait for the emulator to listen (default 20000). */
  timeoutMs?: number;
}

/** Starts the emulator on a free loopback port, in memory. */
export function startEmulator(options?: StartEmulatorOptions): Promise<RunningEmulator>;
/** Runs `fn` against a fresh emulator and stops it afterwards, also when `fn` throws. */
export function withEmulator<T>(fn: (emulator: RunningEmulator) => Promise<T> | T, options?: StartEmulatorOptions): Promise<T>;
/** The emulator binary that `startEmulator` would run; throws (code OPENTOK_EMULATOR_NOT_FOUND) when there is none. */
export function findEmulator(binary?: string): string;
export const DEFAULT_API_KEY: string;
export const DEFAULT_API_SECRET: string;

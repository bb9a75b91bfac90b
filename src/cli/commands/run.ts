import type { Command } from 'commander';
import type { ExitCode } from '../../errors/usage-error.js';

/** Runs a command's body and records its exit code. */
export type Run = (action: () => Promise<ExitCode>) => Promise<void>;

/** Adds a command's arguments, options and action to the command main created with its name and description. */
export type DefineCommand = (command: Command, run: Run) => void;

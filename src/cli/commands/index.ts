import type { DefineCommand } from './run.js';

export interface CommandEntry {
  name: string;
  description: string;
  /** Imported only when this command runs (as Vite's CLI imports createServer), so startup stays small. */
  load: () => Promise<DefineCommand>;
}

export const commands: readonly CommandEntry[] = [
  {
    name: 'list',
    description: 'list the messages of the workspace with their channels, samples and targets',
    load: async () => (await import('./list.js')).registerList,
  },
  { name: 'render', description: 'render one message with a sample and print the result', load: async () => (await import('./render.js')).registerRender },
  {
    name: 'build',
    description: 'write the publishable templates and every sample rendered, plus manifest.json, to the output folder',
    load: async () => (await import('./build.js')).registerBuild,
  },
  {
    name: 'dev',
    description: 'serve the live preview: renders every message as you save, in the browser',
    load: async () => (await import('./dev.js')).registerDev,
  },
  {
    name: 'validate',
    description: 'check the workspace for problems (syntax, attributes, samples, SMS, email, publishing) as file:line:col diagnostics',
    load: async () => (await import('./validate.js')).registerValidate,
  },
  {
    name: 'rules',
    description: 'list the validation rules with their severities (set them with `rules:` in txkit.config.yaml)',
    load: async () => (await import('./validate.js')).registerRules,
  },
  { name: 'hooks', description: 'git hooks that run txkit', load: async () => (await import('./hooks.js')).registerHooks },
  {
    name: 'diff',
    description: 'compare the workspace with the platform and print the plan: create, update (field by field), unchanged',
    load: async () => (await import('./diff.js')).registerDiff,
  },
  {
    name: 'push',
    description: 'publish content and send definitions: reads the platform, shows the plan, writes only what changed',
    load: async () => (await import('./push.js')).registerPush,
  },
  {
    name: 'pull',
    description: 'bring definitions that exist on the platform but not in the workspace into new message folders',
    load: async () => (await import('./pull.js')).registerPull,
  },
  {
    name: 'send',
    description: "send one test message through the published definition, with a sample's attributes, and wait for its status",
    load: async () => (await import('./send.js')).registerSend,
  },
  {
    name: 'events',
    description: 'delivery events: `txkit events listen` receives, verifies and prints SFMC ENS and Customer.io webhook events',
    load: async () => (await import('./events.js')).registerEvents,
  },
  {
    name: 'sandbox',
    description: 'run the local SFMC and Customer.io emulator, to try diff / push / send without an account',
    load: async () => (await import('./sandbox.js')).registerSandbox,
  },
];

export function commandFor(name: string | undefined): CommandEntry | undefined {
  return commands.find((entry) => entry.name === name);
}

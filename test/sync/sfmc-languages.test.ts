import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.js';
import { runCli } from '../helpers/run-cli.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { positionInFile } from '../helpers/text-position.js';
import { call, sfmcToken } from '../sandbox/http.js';
import { connect, copyExamples, editFile, openWorkspace, push, removeProjects, sandboxEnv, writesSince } from './sfmc-fixtures.js';

// SFMC's Transactional Messaging API has no languages: a translation is published as its own
// asset and definitions, keyed by `targets.sfmc.languageKeys` ("{key}-{language}" by default,
// docs/sfmc.md "Languages"). Every test has its own emulator and copy of the examples.

const startSandbox = useSandboxes();
afterEach(removeProjects);

const file = (root: string, ...parts: string[]) => path.join(root, 'templates', ...parts);

const frenchSubject = 'Réinitialisez votre mot de passe Northwind';

/** The example workspace with a French password-reset email (the one message that publishes its email to SFMC). */
async function projectWithFrenchEmail(): Promise<string> {
  const root = await copyExamples();
  const body = await readFile(file(root, 'password-reset', 'email.mjml'), 'utf8');
  const french = body
    .replace('<mjml lang="en" dir="ltr">', '<mjml lang="fr" dir="ltr">')
    .replace('Reset your password', 'Réinitialiser votre mot de passe')
    .replace('Choose a new password', 'Choisir un nouveau mot de passe');
  expect(french).toContain('Choisir un nouveau mot de passe');
  await writeFile(file(root, 'password-reset', 'email.fr.mjml'), french);
  await editFile(file(root, 'password-reset', 'message.yaml'), (text) =>
    text.replace(
      '  body: email.mjml\n',
      `  body: email.mjml\n  translations:\n    fr:\n      subject: "${frenchSubject}"\n      preheader: "Ce lien expire dans {{ trigger.expires_in_minutes }} minutes."\n`,
    ),
  );
  return root;
}

async function published(root: string) {
  const sandbox = await startSandbox({ sendProcessingMs: 20 });
  const workspace = await openWorkspace(root);
  const connection = await connect(workspace, sandbox);
  const { plan, report } = await push(connection, workspace);
  expect(plan.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  expect(report.failed).toEqual([]);
  return { sandbox, workspace, connection, plan };
}

/** An object as a client reads it back from the emulator over HTTP. */
async function readBack(sandbox: Sandbox, route: string, body?: unknown) {
  const answer = await call(sandbox, body === undefined ? 'GET' : 'POST', route, { auth: await sfmcToken(sandbox), ...(body === undefined ? {} : { body }) });
  expect(answer.status).toBe(200);
  return answer.body;
}

describe('SFMC translations', () => {
  it('publishes the French order-confirmation SMS as its own definition, beside the default one', async () => {
    const root = await copyExamples();
    const { sandbox, plan } = await published(root);
    const steps = plan.steps.filter((step) => step.messageId === 'order-confirmation').map((step) => `${step.kind} ${step.key} ${step.action}`);
    expect(steps.sort()).toEqual(['sms-definition order-confirmation-sms create', 'sms-definition order-confirmation-sms-fr create']);

    const french = await readBack(sandbox, '/messaging/v1/sms/definitions/order-confirmation-sms-fr');
    // sms.fr.txt with its attributes flattened to AMPscript (docs/sfmc.md, Personalization).
    expect(french.content.message).toContain('Northwind : commande %%=v(@order_id)=%% confirmée.');
    expect(french).toMatchObject({ name: 'Order confirmation (fr)', subscriptions: { shortCode: '88000', keyword: 'ORDERS' } });
    const english = await readBack(sandbox, '/messaging/v1/sms/definitions/order-confirmation-sms');
    expect(english.content.message).toContain('Northwind: order %%=v(@order_id)=%% is confirmed.');
    expect(english.name).toBe('Order confirmation');
  });

  it('publishes the default SMS under the French key when the French translation has no SMS of its own', async () => {
    const root = await copyExamples();
    await rm(file(root, 'order-confirmation', 'sms.fr.txt')); // email.fr.mjml stays: French is still a language of the message
    const { sandbox } = await published(root);
    const french = await readBack(sandbox, '/messaging/v1/sms/definitions/order-confirmation-sms-fr');
    expect(french.content.message).toContain('Northwind: order %%=v(@order_id)=%% is confirmed.');
    expect(french.name).toBe('Order confirmation (fr)');
  });

  it('publishes a French email as its own asset (French subject, preheader and body) and definition; a re-push writes nothing', async () => {
    const root = await projectWithFrenchEmail();
    const { sandbox, workspace, connection } = await published(root);

    const definition = await readBack(sandbox, '/messaging/v1/email/definitions/password-reset-fr');
    expect(definition).toMatchObject({ name: 'Password reset (fr)', content: { customerKey: 'txkit-password-reset-fr' }, options: { trackLinks: false } });
    const query = { page: { page: 1, pageSize: 2 }, query: { property: 'customerKey', simpleOperator: 'equal', value: 'txkit-password-reset-fr' } };
    const [asset] = (await readBack(sandbox, '/asset/v1/content/assets/query', query)).items;
    expect(asset.name).toBe('Password reset (fr)');
    expect(asset.views.subjectline.content).toBe(frenchSubject);
    expect(asset.views.preheader.content).toBe('Ce lien expire dans {{ expires_in_minutes }} minutes.');
    expect(asset.views.html.content).toContain('Choisir un nouveau mot de passe');
    expect(asset.views.html.content).not.toContain('Choose a new password');
    // The default language keeps its own objects.
    const [english] = (await readBack(sandbox, '/asset/v1/content/assets/query', { ...query, query: { ...query.query, value: 'txkit-password-reset' } })).items;
    expect(english.views.subjectline.content).toBe('Reset your Northwind password');

    const from = sandbox.requests.length;
    const again = await push(connection, workspace);
    expect(again.plan.steps.filter((step) => step.action !== 'unchanged')).toEqual([]);
    expect(writesSince(sandbox, from)).toEqual([]);
  });

  it('uses languageKeys from message.yaml for every key of the translation', async () => {
    const root = await projectWithFrenchEmail();
    await editFile(file(root, 'password-reset', 'message.yaml'), (text) =>
      text.replace('    trackLinks: false\n', '    trackLinks: false\n    languageKeys: "{language}_{key}"\n'),
    );
    const { sandbox } = await published(root);
    expect(sandbox.state.sfmc.definitions.email.get('fr_password-reset')).toMatchObject({ content: { customerKey: 'fr_txkit-password-reset' } });
    expect(sandbox.state.sfmc.definitions.email.get('password-reset-fr')).toBeUndefined();
  });

  it('refuses a translation key longer than SFMC allows, at the setting it comes from, before any request', async () => {
    const root = await projectWithFrenchEmail();
    const yaml = file(root, 'password-reset', 'message.yaml');
    const longKey = 'password-reset-transactional-mail1'; // 34 characters: its French key has 37
    await editFile(yaml, (text) => text.replace('definitionKey: password-reset', `definitionKey: ${longKey}`));
    const sandbox = await startSandbox();
    const workspace = await openWorkspace(root);
    const from = sandbox.requests.length;
    const { plan } = await push(await connect(workspace, sandbox), workspace);

    const expected = {
      ruleId: 'schema/message',
      severity: 'error',
      file: yaml,
      ...positionInFile(yaml, longKey),
      message: expect.stringContaining(`"${longKey}-fr"`),
      hint: expect.stringContaining('languageKeys'),
    };
    expect(plan.diagnostics).toEqual([expect.objectContaining(expected)]);
    expect(plan.diagnostics[0]!.message).toMatch(/French email definition key .* 37 characters: SFMC allows at most 36/);
    expect(plan.steps.filter((step) => step.messageId === 'password-reset')).toEqual([]);
    expect(writesSince(sandbox, from).filter((write) => write.path.includes('password-reset'))).toEqual([]);

    // `txkit validate` reports it too, with its place.
    const validate = await runCli(['validate', '--format', 'json'], { cwd: root });
    expect(validate.code).toBe(1);
    const reported = (JSON.parse(validate.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; message: string }[] }[])
      .filter((entry) => entry.filePath === yaml)
      .flatMap((entry) => entry.messages);
    expect(reported).toEqual([
      expect.objectContaining({ ruleId: 'schema/message', ...positionInFile(yaml, longKey), message: expect.stringContaining('37 characters') }),
    ]);
  });

  it('refuses a translation key another message already uses, and publishes that other message', async () => {
    const root = await copyExamples();
    // shipping-update gets a French SMS, whose key (shipping-update-sms-fr) order-confirmation takes first.
    await writeFile(file(root, 'shipping-update', 'sms.fr.txt'), 'Northwind : votre commande {{ trigger.order_id }} est en route.\n');
    await editFile(file(root, 'order-confirmation', 'message.yaml'), (text) =>
      text.replace('definitionKey: order-confirmation-sms', 'definitionKey: shipping-update-sms-fr'),
    );
    const yaml = file(root, 'shipping-update', 'message.yaml');
    const sandbox = await startSandbox();
    const workspace = await openWorkspace(root);
    const { plan, report } = await push(await connect(workspace, sandbox), workspace);

    expect(plan.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([
      expect.objectContaining({
        ruleId: 'schema/message',
        file: yaml,
        ...positionInFile(yaml, 'shipping-update-sms'),
        message: expect.stringMatching(
          /"shipping-update-sms-fr" \(its French one, made by languageKeys "\{key\}-\{language\}"\) is also used by message order-confirmation/,
        ),
        hint: expect.stringContaining('languageKeys'),
      }),
    ]);
    expect(plan.steps.some((step) => step.messageId === 'shipping-update')).toBe(false);
    expect(report.published).toContain('order-confirmation');
    expect(sandbox.state.sfmc.definitions.sms.get('shipping-update-sms-fr')?.name).toBe('Order confirmation');
  });

  it('reports a languageKeys without {language} where it is written', async () => {
    const root = await copyExamples();
    const yaml = file(root, 'order-confirmation', 'message.yaml');
    await editFile(yaml, (text) => text.replace('      countryCode: US\n', '      countryCode: US\n    languageKeys: "{key}-translated"\n'));
    const workspace = await openWorkspace(root);
    const broken = workspace.broken.find((message) => message.id === 'order-confirmation');
    expect(broken?.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'schema/message',
        file: yaml,
        ...positionInFile(yaml, '"{key}-translated"'),
        message: expect.stringContaining('{language}'),
      }),
    ]);
  });

  it('pull takes a definition named by languageKeys as a translation of its message, not a new folder', async () => {
    const root = await copyExamples();
    const { sandbox, connection, workspace } = await published(root);
    expect(await connection.pull!(workspace.messages)).toEqual({ messages: [], diagnostics: [] });

    // Without sms.fr.txt the French definition still belongs to the workspace (the French view
    // sends the default SMS); a German one made in SFMC is a translation the workspace lacks.
    await rm(file(root, 'order-confirmation', 'sms.fr.txt'));
    sandbox.seed({
      sfmc: {
        smsDefinitions: [
          {
            definitionKey: 'order-confirmation-sms-de',
            name: 'Order confirmation (de)',
            content: { message: 'Northwind: Bestellung bestätigt.' },
            subscriptions: { shortCode: '88000', keyword: 'ORDERS' },
          },
        ],
      },
    });
    const reopened = await openWorkspace(root);
    const pulled = await connection.pull!(reopened.messages);
    expect(pulled.messages).toEqual([]);
    const yaml = file(root, 'order-confirmation', 'message.yaml');
    expect(pulled.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: yaml,
        ...positionInFile(yaml, 'order-confirmation-sms'),
        message:
          'SMS definition order-confirmation-sms-de is the German translation of message order-confirmation (languageKeys "{key}-{language}"), which has no German SMS: not pulled',
        hint: expect.stringContaining(path.join('order-confirmation', 'sms.de.txt')),
      }),
    ]);
  });

  it('pull follows the languageKeys of message.yaml, regional languages included', async () => {
    const root = await copyExamples();
    const yaml = file(root, 'order-confirmation', 'message.yaml');
    await editFile(yaml, (text) => text.replace('      countryCode: US\n', '      countryCode: US\n    languageKeys: "{language}_{key}"\n'));
    const { sandbox, connection, workspace } = await published(root);
    expect(sandbox.state.sfmc.definitions.sms.get('fr_order-confirmation-sms')).toBeDefined();
    sandbox.seed({
      sfmc: {
        smsDefinitions: [
          {
            definitionKey: 'de-CH_order-confirmation-sms',
            name: 'Order confirmation (de-CH)',
            content: { message: 'Northwind: Bestellung bestätigt.' },
            subscriptions: { shortCode: '88000', keyword: 'ORDERS' },
          },
        ],
      },
    });
    const pulled = await connection.pull!(workspace.messages);
    expect(pulled.messages).toEqual([]);
    expect(pulled.diagnostics).toEqual([
      expect.objectContaining({
        file: yaml,
        ...positionInFile(yaml, '"{language}_{key}"'),
        // The language's English name is ICU's (CLDR: "Swiss High German").
        message: expect.stringMatching(/^SMS definition de-CH_order-confirmation-sms is the .*German translation of message order-confirmation/),
        hint: expect.stringContaining(path.join('order-confirmation', 'sms.de-CH.txt')),
      }),
    ]);
  });

  it('txkit send --language fr sends through the French definition, with a French sample', async () => {
    const root = await projectWithFrenchEmail();
    const { sandbox } = await published(root);
    await writeFile(
      path.join(root, '.env'),
      Object.entries(sandboxEnv(sandbox))
        .map(([name, value]) => `${name}=${value}\n`)
        .join(''),
    );
    const env = { SFMC_AUTH_BASE_URL: undefined, SFMC_CLIENT_ID: undefined, SFMC_CLIENT_SECRET: undefined, SFMC_ACCOUNT_ID: undefined, NO_COLOR: '1' };
    const sends = (from: number) => sandbox.requests.slice(from).filter((request) => request.kind === 'send' && request.method === 'POST');

    let from = sandbox.requests.length;
    const sms = await runCli(['send', 'order-confirmation', '--target', 'sfmc', '--to', '+33612345678', '--language', 'fr'], { cwd: root, env });
    expect(sms.code, sms.stderr).toBe(0);
    const frenchSample = JSON.parse(await readFile(file(root, 'order-confirmation', 'samples', 'standard-fr.json'), 'utf8'));
    expect(sends(from).map((request) => request.body)).toEqual([
      expect.objectContaining({
        definitionKey: 'order-confirmation-sms-fr',
        recipient: expect.objectContaining({ attributes: expect.objectContaining({ order_id: frenchSample.trigger.order_id }) }),
      }),
    ]);

    from = sandbox.requests.length;
    const email = await runCli(['send', 'password-reset', '--target', 'sfmc', '--to', 'zoe@example.com', '-l', 'fr'], { cwd: root, env });
    expect(email.code, email.stderr).toBe(0);
    expect(sends(from).map((request) => (request.body as { definitionKey: string }).definitionKey)).toEqual(['password-reset-fr']);

    from = sandbox.requests.length;
    const unknown = await runCli(['send', 'password-reset', '--target', 'sfmc', '--to', 'zoe@example.com', '--language', 'de'], { cwd: root, env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('message "password-reset" has no language "de"; it has: en, fr');
    expect(sends(from)).toEqual([]);
  });
});

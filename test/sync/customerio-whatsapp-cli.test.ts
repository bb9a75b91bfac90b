import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import buildCli from '../helpers/build-cli.js';
import { runCli } from '../helpers/run-cli.js';
import { useSandboxes } from '../helpers/sandboxes.js';
import { copyExamples, exampleSeeds, sandboxEnv } from './customerio-fixtures.js';

/** Variables of the machine running the tests that must not reach the subprocess. */
const clean = {
  CUSTOMERIO_APP_API_KEY: undefined,
  CUSTOMERIO_TRANSACTIONAL_API_KEY: undefined,
  CUSTOMERIO_REGION: undefined,
  CUSTOMERIO_API_URL: undefined,
  SFMC_CLIENT_ID: undefined,
  SFMC_CLIENT_SECRET: undefined,
  NO_COLOR: '1',
  FORCE_COLOR: undefined,
};

const startSandbox = useSandboxes();

/**
 * A copy of the examples beside an emulator seeded with their transactional messages
 * (shipping-update's WhatsApp is 107), and two samples of shipping-update: one naming the person
 * by id, one naming nobody (Customer.io's send needs `identifiers`, sendWhatsApp).
 */
async function project() {
  const sandbox = await startSandbox();
  sandbox.seed({ customerio: { messages: await exampleSeeds() } });
  const workspaceDir = await copyExamples();
  const standard = JSON.parse(await readFile(path.join(workspaceDir, 'shipping-update/samples/standard.json'), 'utf8')) as {
    customer: Record<string, string>;
    trigger: Record<string, string>;
  };
  const { id: _id, email: _email, ...nobody } = standard.customer;
  const known = { ...standard, customer: { ...nobody, id: 'cust-42' } };
  await writeFile(path.join(workspaceDir, 'shipping-update/samples/known.json'), JSON.stringify(known));
  await writeFile(path.join(workspaceDir, 'shipping-update/samples/anonymous.json'), JSON.stringify({ ...standard, customer: nobody }));
  const txkit = (args: string[]) => runCli(args, { cwd: path.dirname(workspaceDir), env: { ...clean, ...sandboxEnv(sandbox) } });
  return { sandbox, workspaceDir, known, txkit };
}

describe('txkit send / render --channel whatsapp --target customerio', () => {
  beforeAll(() => buildCli());

  it('sends the WhatsApp template with the sample as message_data and prints the delivery id', async () => {
    const { sandbox, known, txkit } = await project();
    const result = await txkit(['send', 'shipping-update', '--target', 'customerio', '--channel', 'whatsapp', '--to', '+14155552671', '--sample', 'known']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [delivery] = sandbox.state.customerio.deliveries;
    expect(delivery).toMatchObject({
      channel: 'whatsapp',
      templateId: 107,
      request: { transactional_message_id: 107, to: '+14155552671', identifiers: { id: 'cust-42' }, message_data: known.trigger },
    });
    expect(result.stdout).toContain(`queued · ${delivery!.delivery_id}`);
    expect(result.stdout).toContain('Sending shipping-update (whatsapp) to +14155552671 through customerio, sample known');
  });

  it('does not send for a sample that does not name the person (exit 1), nor to a number that is not one (exit 2)', async () => {
    const { sandbox, txkit } = await project();
    const anonymous = await txkit([
      'send',
      'shipping-update',
      '--target',
      'customerio',
      '--channel',
      'whatsapp',
      '--to',
      '+14155552671',
      '--sample',
      'anonymous',
    ]);
    expect(anonymous.code).toBe(1);
    expect(anonymous.stderr).toContain(
      'sample "anonymous" has neither customer.id nor customer.email: Customer.io needs one to know who a WhatsApp message is for',
    );

    const notANumber = await txkit(['send', 'shipping-update', '--target', 'customerio', '--channel', 'whatsapp', '--to', 'hello', '--sample', 'known']);
    expect(notANumber.code).toBe(2);
    expect(notANumber.stderr).toContain('--to:');
    expect(notANumber.stderr).not.toContain('    at ');
    expect(sandbox.state.customerio.deliveries).toEqual([]);
  });

  it('push says after writing a changed body that Meta must approve the template again, and a second push writes nothing', async () => {
    const { sandbox, txkit } = await project();
    const first = await txkit(['push', 'shipping-update', '--target', 'customerio', '--yes']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('customerio/whatsapp-reapproval');
    expect(first.stdout).toContain('✔ shipping-update: published');
    expect(first.stdout).toContain(
      'customerio whatsapp-content 107/content/1070: body written; Customer.io sends it once the template is resubmitted to Meta and approved',
    );

    const before = sandbox.requests.length;
    const second = await txkit(['push', 'shipping-update', '--target', 'customerio', '--yes']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('= shipping-update: up to date');
    expect(second.stdout).not.toContain('resubmitted');
    expect(second.stderr).not.toContain('customerio/whatsapp-reapproval');
    expect(sandbox.requests.slice(before).filter((request) => request.write)).toEqual([]);
  });

  it('prints the WhatsApp body push publishes', async () => {
    const { workspaceDir, txkit } = await project();
    const result = await txkit(['render', 'shipping-update', '--target', 'customerio', '--channel', 'whatsapp', '--json']);
    expect(result.code).toBe(0);
    const body = await readFile(path.join(workspaceDir, 'shipping-update/whatsapp.txt'), 'utf8');
    expect(JSON.parse(result.stdout)).toMatchObject({ message: 'shipping-update', target: 'customerio', channel: 'whatsapp', text: body.trimEnd() });
  });
});

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const txkit = (...args: string[]) => runCli(args, { cwd: repoRoot });

// templates/order-confirmation/sms.fr.txt with samples/standard-fr.json (order NW-10483, "language": "fr").
const frenchSms = 'Northwind : commande NW-10483 confirmée. Détails : https://northwind.example.com/orders/NW-10483';

describe('txkit render --language', () => {
  it('renders the French SMS with the French sample, and --json names the language', async () => {
    const result = await txkit('render', 'order-confirmation', '--language', 'fr', '--channel', 'sms', '--json');
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    // é is in the GSM 03.38 basic table (/work/shared/docs/sms.md): the French SMS stays GSM-7.
    expect(json).toMatchObject({ message: 'order-confirmation', language: 'fr', sample: 'standard-fr', text: frenchSms, encoding: 'GSM-7', segments: 1 });
  });

  it('a sample that names its language renders in that language; the French subject comes from email.translations.fr', async () => {
    const result = await txkit('render', 'order-confirmation', '--sample', 'standard-fr', '--json');
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { language: string; subject: string; html: string };
    expect(json.language).toBe('fr');
    expect(json.subject).toBe('Commande NW-10483 confirmée');
    expect(json.html).toContain('lang="fr"');
    // currency: trigger.currency, "fr" → the French format of euros (docs/languages.md, Customer.io's `currency`).
    expect(json.html).toContain('74,90\u00a0€');
  });

  it('the default language is English, with the English sample', async () => {
    const result = await txkit('render', 'order-confirmation', '--channel', 'sms', '--json');
    expect(JSON.parse(result.stdout)).toMatchObject({ language: 'en', sample: 'standard' });
  });

  it('a language the message lacks is a usage error naming the ones it has', async () => {
    const result = await txkit('render', 'order-confirmation', '--language', 'de');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('message "order-confirmation" has no language "de"; it has: en, fr');
  });

  it("txkit list --json shows each message's languages", async () => {
    const result = await txkit('list', '--json');
    const json = JSON.parse(result.stdout) as { messages: { id: string; languages: string[] }[] };
    expect(json.messages.find((message) => message.id === 'order-confirmation')?.languages).toEqual(['en', 'fr']);
    expect(json.messages.find((message) => message.id === 'password-reset')?.languages).toEqual(['en']);
  });
});

import { Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { exportToSfmc } from '../../src/platforms/sfmc/personalization-export.js';

const file = '/workspace/templates/order-confirmation/email.html';

function exportTemplate(source: string, attributeMap?: Record<string, string>, profile: readonly string[] = []) {
  return exportToSfmc(source, { file, profilePaths: new Set(profile), ...(attributeMap ? { attributeMap } : {}) });
}

/** The diagnostic fields a test pins down: where, which rule, how serious. */
function unsupportedAt(line: number, column: number, endLine: number, endColumn: number, message: string) {
  return {
    ruleId: 'sfmc/unsupported-construct',
    severity: 'error',
    file,
    line,
    column,
    endLine,
    endColumn,
    message: expect.stringContaining(message),
    hint: expect.any(String),
  };
}

describe('exportToSfmc: attribute output', () => {
  // SFMC checks %%name%% personalization strings against the account's profile and
  // data-extension fields when a definition is saved and refuses unknown ones (error 109124,
  // shared/docs/platform-api.md; issue 14 fix 3); AttributeValue() "returns null if no data is
  // found" (https://developer.salesforce.com/docs/marketing/marketing-cloud-ampscript/references/mc-ampscript-utilities/mc-ampscript-reference-utilities-attribute-value.html).
  it('reads customer and trigger attributes with AttributeValue, named by their last segment, so a field SFMC does not know is empty', () => {
    const result = exportTemplate('Hi {{ customer.first_name }}, order {{ trigger.order_id }} is confirmed.');
    expect(result.output).toBe(
      '%%[ SET @first_name = AttributeValue("first_name") ]%%%%[ SET @order_id = AttributeValue("order_id") ]%%' +
        'Hi %%=v(@first_name)=%%, order %%=v(@order_id)=%% is confirmed.',
    );
    expect(result.diagnostics).toEqual([]);
  });

  it('writes only attributes declared as profile attributes as personalization strings', () => {
    const result = exportTemplate('Hi {{ customer.first_name }}, order {{ trigger.order_id }}', undefined, ['customer.first_name']);
    expect(result.output).toBe('%%[ SET @order_id = AttributeValue("order_id") ]%%Hi %%first_name%%, order %%=v(@order_id)=%%');
  });

  it('reads a quoted key like a dotted one', () => {
    expect(exportTemplate('{{ trigger["order_id"] }}', undefined, ['trigger.order_id']).output).toBe('%%order_id%%');
  });

  it('uses the attributeMap name for a mapped path', () => {
    const result = exportTemplate('Hi {{ customer.first_name }} ({{ trigger.order_id }})', { 'customer.first_name': 'FirstName' }, ['customer.first_name']);
    expect(result.output).toBe('%%[ SET @order_id = AttributeValue("order_id") ]%%Hi %%FirstName%% (%%=v(@order_id)=%%)');
    expect(result.diagnostics).toEqual([]);
  });

  it('keeps a mapped profile attribute name with a space as a personalization string', () => {
    expect(exportTemplate('{{ customer.first_name }}', { 'customer.first_name': 'First Name' }, ['customer.first_name']).output).toBe('%%First Name%%');
  });

  it('reads names that cannot sit inside %%...%% with AttributeValue', () => {
    expect(exportTemplate('{{ trigger.order-id }}').output).toBe('%%[ SET @order_id = AttributeValue("order-id") ]%%%%=v(@order_id)=%%');
    expect(exportTemplate('{{ customer.name }}', { 'customer.name': 'Full"Name' }).output).toBe(
      '%%[ SET @Full_Name = AttributeValue("Full""Name") ]%%%%=v(@Full_Name)=%%',
    );
  });

  it('gives attributes whose names make the same variable a variable each', () => {
    expect(exportTemplate('{{ trigger.first-name | upcase }}{{ customer.first_name | upcase }}').output).toBe(
      '%%[ SET @first_name = AttributeValue("first-name") ]%%%%[ SET @first_name2 = AttributeValue("first_name") ]%%' +
        '%%=Uppercase(@first_name)=%%%%=Uppercase(@first_name2)=%%',
    );
  });

  it('accepts a nested path that attributeMap flattens', () => {
    const result = exportTemplate('{{ trigger.address.city }}', { 'trigger.address.city': 'City' });
    expect(result.output).toBe('%%[ SET @City = AttributeValue("City") ]%%%%=v(@City)=%%');
    expect(result.diagnostics).toEqual([]);
  });

  it('outputs string and number constants with v()', () => {
    expect(exportTemplate('{{ "Hello" }} {{ 1.50 }}').output).toBe('%%=v("Hello")=%% %%=v("1.5")=%%');
  });
});

describe('exportToSfmc: filters', () => {
  it('turns default into IIF(Empty(...)) on a variable set once at the top', () => {
    const result = exportTemplate('Hi {{ customer.first_name | default: "there" }}!');
    expect(result.output).toBe('%%[ SET @first_name = AttributeValue("first_name") ]%%Hi %%=IIF(Empty(@first_name), "there", @first_name)=%%!');
    expect(result.diagnostics).toEqual([]);
  });

  it('names the variable after the mapped attribute', () => {
    expect(exportTemplate('{{ customer.first_name | default: "there" }}', { 'customer.first_name': 'FirstName' }).output).toBe(
      '%%[ SET @FirstName = AttributeValue("FirstName") ]%%%%=IIF(Empty(@FirstName), "there", @FirstName)=%%',
    );
  });

  it('doubles double quotes inside AMPscript strings', () => {
    expect(exportTemplate(`{{ customer.nickname | default: 'our "best" customer' }}`).output).toBe(
      '%%[ SET @nickname = AttributeValue("nickname") ]%%%%=IIF(Empty(@nickname), "our ""best"" customer", @nickname)=%%',
    );
  });

  it('falls back to another attribute', () => {
    expect(exportTemplate('{{ customer.nickname | default: customer.first_name }}').output).toBe(
      '%%[ SET @nickname = AttributeValue("nickname") ]%%%%[ SET @first_name = AttributeValue("first_name") ]%%' +
        '%%=IIF(Empty(@nickname), @first_name, @nickname)=%%',
    );
  });

  it('translates upcase, downcase and escape, chained left to right', () => {
    expect(exportTemplate('{{ trigger.code | upcase }}').output).toBe('%%[ SET @code = AttributeValue("code") ]%%%%=Uppercase(@code)=%%');
    expect(exportTemplate('{{ customer.email | downcase }}').output).toBe('%%[ SET @email = AttributeValue("email") ]%%%%=Lowercase(@email)=%%');
    expect(exportTemplate('{{ trigger.gift_message | escape }}').output).toBe(
      '%%[ SET @gift_message = AttributeValue("gift_message") ]%%%%=HTMLEncode(@gift_message)=%%',
    );
    expect(exportTemplate('{{ customer.first_name | default: "there" | upcase }}').output).toBe(
      '%%[ SET @first_name = AttributeValue("first_name") ]%%%%=Uppercase(IIF(Empty(@first_name), "there", @first_name))=%%',
    );
  });

  it('sets each variable once however often it is read', () => {
    expect(exportTemplate('{{ trigger.code | upcase }}/{{ trigger.code | downcase }}/{{ trigger.code }}').output).toBe(
      '%%[ SET @code = AttributeValue("code") ]%%%%=Uppercase(@code)=%%/%%=Lowercase(@code)=%%/%%=v(@code)=%%',
    );
  });
});

describe('exportToSfmc: conditions', () => {
  it('translates if / elsif / else', () => {
    const result = exportTemplate('{% if customer.vip %}VIP{% elsif trigger.tier == "gold" %}Gold{% else %}Member{% endif %}');
    expect(result.output).toBe(
      '%%[ SET @vip = AttributeValue("vip") ]%%%%[ SET @tier = AttributeValue("tier") ]%%' +
        '%%[ IF NOT Empty(@vip) THEN ]%%VIP%%[ ELSEIF @tier == "gold" THEN ]%%Gold%%[ ELSE ]%%Member%%[ ENDIF ]%%',
    );
    expect(result.diagnostics).toEqual([]);
  });

  it('translates unless as the negated condition', () => {
    expect(exportTemplate('{% unless trigger.gift_message %}No message{% endunless %}').output).toBe(
      '%%[ SET @gift_message = AttributeValue("gift_message") ]%%%%[ IF Empty(@gift_message) THEN ]%%No message%%[ ENDIF ]%%',
    );
    expect(exportTemplate('{% unless trigger.tier == "gold" %}Upgrade{% else %}Thanks{% endunless %}').output).toBe(
      '%%[ SET @tier = AttributeValue("tier") ]%%%%[ IF NOT (@tier == "gold") THEN ]%%Upgrade%%[ ELSE ]%%Thanks%%[ ENDIF ]%%',
    );
  });

  it('translates every comparison operator against numbers and strings', () => {
    const condition = (liquid: string) => {
      const result = exportTemplate(`{% if ${liquid} %}x{% endif %}`);
      expect(result.diagnostics).toEqual([]);
      return /%%\[ IF (.*) THEN \]%%/.exec(result.output)?.[1];
    };
    expect(condition('trigger.tier != "basic"')).toBe('@tier != "basic"');
    expect(condition("trigger.tier == 'gold'")).toBe('@tier == "gold"');
    expect(condition('trigger.total > 100')).toBe('@total > 100');
    expect(condition('trigger.total < 0.5')).toBe('@total < 0.5');
    expect(condition('trigger.total >= 50')).toBe('@total >= 50');
    expect(condition('trigger.total <= -1')).toBe('@total <= -1');
    expect(condition('100 < trigger.total')).toBe('100 < @total');
    expect(condition('trigger.count == 3')).toBe('@count == 3');
    expect(condition('trigger.billing_email == customer.email')).toBe('@billing_email == @email');
  });

  it("keeps Liquid's right-to-left and/or grouping with parentheses", () => {
    // Liquid has no and/or precedence: `a and b or c` is `a and (b or c)`.
    const liquid = new Liquid();
    const rendered = liquid.parseAndRenderSync('{% if a and b or c %}yes{% else %}no{% endif %}', { a: false, b: true, c: true });
    expect(rendered).toBe('no');

    expect(exportTemplate('{% if trigger.a and trigger.b or trigger.c %}yes{% endif %}').output).toBe(
      '%%[ SET @a = AttributeValue("a") ]%%%%[ SET @b = AttributeValue("b") ]%%%%[ SET @c = AttributeValue("c") ]%%' +
        '%%[ IF (NOT Empty(@a)) AND ((NOT Empty(@b)) OR (NOT Empty(@c))) THEN ]%%yes%%[ ENDIF ]%%',
    );
    expect(exportTemplate('{% if trigger.tier == "gold" or trigger.total > 100 and customer.vip %}yes{% endif %}').output).toBe(
      '%%[ SET @tier = AttributeValue("tier") ]%%%%[ SET @total = AttributeValue("total") ]%%%%[ SET @vip = AttributeValue("vip") ]%%' +
        '%%[ IF @tier == "gold" OR (@total > 100 AND (NOT Empty(@vip))) THEN ]%%yes%%[ ENDIF ]%%',
    );
  });

  it('translates the bodies, nested conditions included', () => {
    expect(
      exportTemplate(
        '{% if trigger.tracking_url %}<a href="{{ trigger.tracking_url }}">{% if trigger.carrier %}{{ trigger.carrier }}{% endif %}</a>{% endif %}',
      ).output,
    ).toBe(
      '%%[ SET @tracking_url = AttributeValue("tracking_url") ]%%%%[ SET @carrier = AttributeValue("carrier") ]%%' +
        '%%[ IF NOT Empty(@tracking_url) THEN ]%%<a href="%%=v(@tracking_url)=%%">' +
        '%%[ IF NOT Empty(@carrier) THEN ]%%%%=v(@carrier)=%%%%[ ENDIF ]%%</a>%%[ ENDIF ]%%',
    );
  });
});

describe('exportToSfmc: text, raw, comments, whitespace control', () => {
  it('passes HTML and CSS through unchanged', () => {
    const html = '<style>\n  td { width: 100%; color: #333; }\n</style>\n<p class="note">Thanks &amp; goodbye</p>\n';
    expect(exportTemplate(html)).toEqual({ output: html, diagnostics: [] });
  });

  it('outputs raw content as written', () => {
    expect(exportTemplate('<code>{% raw %}{% if x %}{% endraw %}</code>')).toEqual({
      output: '<code>{% if x %}</code>',
      diagnostics: [],
    });
  });

  it('drops comments, which render nothing', () => {
    expect(exportTemplate('A{% comment %}{{ trigger.total | money }}{% if %}{% endcomment %}B{% # note %}C')).toEqual({
      output: 'ABC',
      diagnostics: [],
    });
  });

  it('applies whitespace control as Liquid does', () => {
    expect(exportTemplate('<p>\n  {%- if trigger.vip -%}\n  VIP\n  {%- endif -%}\n</p>').output).toBe(
      '%%[ SET @vip = AttributeValue("vip") ]%%<p>%%[ IF NOT Empty(@vip) THEN ]%%VIP%%[ ENDIF ]%%</p>',
    );
  });

  it('reports %% in template text and leaves it', () => {
    const result = exportTemplate('<p>Save 50%% today</p>');
    expect(result.output).toBe('<p>Save 50%% today</p>');
    expect(result.diagnostics).toEqual([unsupportedAt(1, 11, 1, 13, '%%')]);
  });

  it('reports a % that would run into the AMPscript that follows it', () => {
    const result = exportTemplate('Save 20%{% if trigger.vip %} more{% endif %}');
    expect(result.diagnostics).toEqual([unsupportedAt(1, 8, 1, 9, '%%')]);
  });

  it('accepts a % right after an output', () => {
    expect(exportTemplate('{{ trigger.discount }}% off', undefined, ['trigger.discount'])).toEqual({ output: '%%discount%%% off', diagnostics: [] });
    expect(exportTemplate('{{ trigger.discount }}% off')).toEqual({
      output: '%%[ SET @discount = AttributeValue("discount") ]%%%%=v(@discount)=%%% off',
      diagnostics: [],
    });
  });

  it('reports {{ in raw content, which SFMC would read as Guide Template Language', () => {
    const result = exportTemplate('<p>\n{% raw %}{{ name }}{% endraw %}</p>');
    expect(result.output).toBe('<p>\n{{ name }}</p>');
    expect(result.diagnostics).toEqual([unsupportedAt(2, 10, 2, 12, '{{')]);
  });

  it('reports %% inside a string constant', () => {
    const result = exportTemplate('{{ trigger.rate | default: "100%%" }}');
    expect(result.output).toBe('{{ trigger.rate | default: "100%%" }}');
    expect(result.diagnostics).toEqual([unsupportedAt(1, 28, 1, 35, '%%')]);
  });
});

describe('exportToSfmc: unsupported constructs', () => {
  it('reports each construct at its position and leaves its Liquid in place', () => {
    const source = [
      '<p>Hello {{ customer.first_name }}</p>',
      '{% assign greeting = "Hi" %}',
      '<p>{{ greeting }}</p>',
      '<p>{{ trigger.total | money }}</p>',
      '<p>{{ trigger.address.city }}</p>',
      '{% case trigger.tier %}{% when "gold" %}Gold{% endcase %}',
      '<p>{{ customer.first_name | capitalize }}</p>',
      '{% capture note %}x{% endcapture %}',
      '<p>{{ trigger.placed_at | date: "%B %d" }}</p>',
      '{% if trigger.tags contains "gift" %}Gift{% endif %}',
      '<a href="/track?id={{ trigger.order_id | url_encode }}">Track</a>',
      '{{ trigger.total | money | upcase }}',
    ].join('\n');
    const result = exportTemplate(source);

    expect(result.output).toBe(
      [
        '%%[ SET @first_name = AttributeValue("first_name") ]%%<p>Hello %%=v(@first_name)=%%</p>',
        '{% assign greeting = "Hi" %}',
        '<p>{{ greeting }}</p>',
        '<p>{{ trigger.total | money }}</p>',
        '<p>{{ trigger.address.city }}</p>',
        '{% case trigger.tier %}{% when "gold" %}Gold{% endcase %}',
        '<p>{{ customer.first_name | capitalize }}</p>',
        '{% capture note %}x{% endcapture %}',
        '<p>{{ trigger.placed_at | date: "%B %d" }}</p>',
        '{% if trigger.tags contains "gift" %}Gift{% endif %}',
        '<a href="/track?id={{ trigger.order_id | url_encode }}">Track</a>',
        '{{ trigger.total | money | upcase }}',
      ].join('\n'),
    );
    expect(result.diagnostics).toEqual([
      unsupportedAt(2, 1, 2, 29, '`assign`'),
      unsupportedAt(3, 7, 3, 15, 'greeting is not a customer or trigger attribute'),
      unsupportedAt(4, 23, 4, 28, '`money`'),
      unsupportedAt(5, 7, 5, 27, 'trigger.address.city is a nested path'),
      unsupportedAt(6, 1, 6, 24, '`case`'),
      unsupportedAt(7, 29, 7, 39, '`capitalize`'),
      unsupportedAt(8, 1, 8, 19, '`capture`'),
      unsupportedAt(9, 27, 9, 40, '`date`'),
      unsupportedAt(10, 20, 10, 28, '`contains`'),
      unsupportedAt(11, 42, 11, 52, '`url_encode`'),
      unsupportedAt(12, 20, 12, 25, '`money`'),
    ]);
  });

  it('suggests a flat attribute for a nested path', () => {
    const [diagnostic] = exportTemplate('{{ trigger.items[0].name }}').diagnostics;
    expect(diagnostic).toMatchObject(unsupportedAt(1, 4, 1, 25, 'trigger.items[0].name is a nested path'));
    expect(diagnostic?.hint).toContain('trigger.items_0_name');
  });

  it('suggests pre-formatting a value whose filter has no equivalent', () => {
    expect(exportTemplate('{{ trigger.total | currency }}').diagnostics[0]?.hint).toContain(
      'pre-format the value in your API call and send it as its own trigger attribute, such as trigger.total_formatted',
    );
  });

  it('reports every problem of one output', () => {
    expect(exportTemplate('{{ item.price | money }}').diagnostics).toEqual([
      unsupportedAt(1, 4, 1, 14, 'item.price is not a customer or trigger attribute'),
      unsupportedAt(1, 17, 1, 22, '`money`'),
    ]);
  });

  it('keeps a whole if block when one of its conditions cannot be translated', () => {
    const source = '{% if customer.vip %}\n  {{ customer.first_name }}\n{% elsif trigger.tier > "gold" %}Gold{% endif %}';
    const result = exportTemplate(source);
    expect(result.output).toBe(source);
    expect(result.diagnostics).toEqual([unsupportedAt(3, 23, 3, 24, '`>` orders numbers in AMPscript')]);
  });

  it('reports constants with no AMPscript meaning and the whole namespace', () => {
    expect(exportTemplate('{% if trigger.vip == true %}x{% endif %}').diagnostics).toEqual([unsupportedAt(1, 22, 1, 26, 'true has no AMPscript value')]);
    expect(exportTemplate('{{ customer }}').diagnostics).toEqual([unsupportedAt(1, 4, 1, 12, 'whole namespace')]);
    expect(exportTemplate('{% if "yes" %}x{% endif %}').diagnostics).toEqual([unsupportedAt(1, 7, 1, 12, 'is a constant')]);
  });

  it('reports operators and shapes of conditions with no AMPscript equivalent', () => {
    expect(exportTemplate('{% if not trigger.vip %}x{% endif %}').diagnostics).toEqual([unsupportedAt(1, 7, 1, 10, '`not`')]);
    expect(exportTemplate('{% if trigger.a == trigger.b == trigger.c %}x{% endif %}').diagnostics).toEqual([unsupportedAt(1, 17, 1, 19, 'chained comparison')]);
    expect(exportTemplate('{% if trigger.a == %}x{% endif %}').diagnostics).toEqual([unsupportedAt(1, 7, 1, 19, 'incomplete')]);
  });

  it('reports a filter with no equivalent even after a translated one', () => {
    const result = exportTemplate('{{ customer.first_name | default: "there" | capitalize }}');
    expect(result.output).toBe('{{ customer.first_name | default: "there" | capitalize }}');
    expect(result.diagnostics).toEqual([unsupportedAt(1, 45, 1, 55, '`capitalize`')]);
  });

  it('reports a for loop once and keeps its body untranslated', () => {
    const source = 'Items:\n  {% for item in trigger.items %}{{ item.name }} x {{ item.quantity | money }}{% endfor %}';
    const result = exportTemplate(source);
    expect(result.output).toBe(source);
    expect(result.diagnostics).toEqual([unsupportedAt(2, 3, 2, 34, '`for`')]);
    expect(result.diagnostics[0]?.hint).toContain('trigger.items_html');
  });

  it('warns when two paths export to the same SFMC attribute, unless attributeMap separates them', () => {
    const source = '{{ customer.email }}\n{{ trigger.email }}';
    const result = exportTemplate(source, undefined, ['customer.email', 'trigger.email']);
    expect(result.output).toBe('%%email%%\n%%email%%');
    expect(result.diagnostics).toEqual([
      {
        ...unsupportedAt(2, 4, 2, 17, 'trigger.email and customer.email both export to the SFMC attribute "email"'),
        severity: 'warning',
      },
    ]);
    expect(exportTemplate(source, { 'trigger.email': 'order_email' }, ['customer.email', 'trigger.email'])).toEqual({
      output: '%%email%%\n%%order_email%%',
      diagnostics: [],
    });
  });

  it('reports invalid Liquid as a syntax error and exports nothing', () => {
    const source = '<p>Hi</p>\n<p>{{ customer.first_name </p>';
    expect(exportTemplate(source)).toEqual({
      output: source,
      diagnostics: [
        {
          ruleId: 'syntax/liquid',
          severity: 'error',
          file,
          line: 2,
          column: 4,
          endLine: 2,
          endColumn: 31,
          message: expect.stringContaining('not closed'),
          hint: expect.any(String),
        },
      ],
    });
  });
});

describe('exportToSfmc: an order confirmation email', () => {
  const source = `<!doctype html>
<html>
<head>
  <style>
    .total { font-weight: bold; width: 100%; }
  </style>
</head>
<body>
  <p>Hi {{ customer.first_name | default: "there" }},</p>
  <p>Thanks for your order #{{ trigger.order_id }}.</p>
  <table>
    {% for item in trigger.items %}
    <tr><td>{{ item.name }}</td><td>{{ item.quantity }}</td><td>{{ item.price | money }}</td></tr>
    {% endfor %}
  </table>
  <p class="total">Total: {{ trigger.total_formatted }}</p>
  {% if trigger.tracking_url %}
  <p><a href="{{ trigger.tracking_url }}">Track your parcel</a></p>
  {% endif %}
  {% unless customer.marketing_opt_in %}
  <p>You receive this email because you placed an order.</p>
  {% endunless %}
</body>
</html>
`;

  it('translates everything but the loop, reported once where it starts', () => {
    const result = exportTemplate(source);
    expect(result.diagnostics).toEqual([unsupportedAt(12, 5, 12, 36, '`for`')]);
    expect(result.output).toBe(`%%[ SET @first_name = AttributeValue("first_name") ]%%\
%%[ SET @order_id = AttributeValue("order_id") ]%%\
%%[ SET @total_formatted = AttributeValue("total_formatted") ]%%\
%%[ SET @tracking_url = AttributeValue("tracking_url") ]%%\
%%[ SET @marketing_opt_in = AttributeValue("marketing_opt_in") ]%%<!doctype html>
<html>
<head>
  <style>
    .total { font-weight: bold; width: 100%; }
  </style>
</head>
<body>
  <p>Hi %%=IIF(Empty(@first_name), "there", @first_name)=%%,</p>
  <p>Thanks for your order #%%=v(@order_id)=%%.</p>
  <table>
    {% for item in trigger.items %}
    <tr><td>{{ item.name }}</td><td>{{ item.quantity }}</td><td>{{ item.price | money }}</td></tr>
    {% endfor %}
  </table>
  <p class="total">Total: %%=v(@total_formatted)=%%</p>
  %%[ IF NOT Empty(@tracking_url) THEN ]%%
  <p><a href="%%=v(@tracking_url)=%%">Track your parcel</a></p>
  %%[ ENDIF ]%%
  %%[ IF Empty(@marketing_opt_in) THEN ]%%
  <p>You receive this email because you placed an order.</p>
  %%[ ENDIF ]%%
</body>
</html>
`);
  });
});

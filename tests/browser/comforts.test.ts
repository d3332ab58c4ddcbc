import { describe, expect, it } from 'vitest';
import { hasChromium, pageErrors, useSiteAndBrowser } from './browser';

/**
 * Issue 14 in real Chromium: the dark scheme follows the system setting without a script,
 * a post page asks nothing of any other origin until a reader clicks, and the Mastodon
 * share page sends the reader to their own server's share page.
 */

const PART_2 = '2013/04/day-in-jail-clinic-part-2-sick-call.html';

describe.skipIf(!hasChromium)('post page comforts in Chromium', () => {
  const env = useSiteAndBrowser();

  const colours = async (scheme: 'light' | 'dark') => {
    const page = await env.browser.page();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${env.site.url}${PART_2}`);
    const seen = await page.evaluate(() => {
      const css = (el: Element | null) => (el ? getComputedStyle(el) : undefined);
      return {
        background: css(document.body)!.backgroundColor,
        text: css(document.body)!.color,
        link: css(document.querySelector('.post-body a'))!.color,
        colorScheme: css(document.documentElement)!.colorScheme,
        scripts: document.scripts.length,
      };
    });
    await page.close();
    return seen;
  };
  const brightness = (rgb: string) => {
    const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
    return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
  };

  it('turns dark with the system setting, without a script, and declares both schemes', async () => {
    const light = await colours('light');
    const dark = await colours('dark');
    expect(light.colorScheme).toBe('light dark');
    expect(brightness(light.background)).toBeGreaterThan(0.9);
    expect(brightness(light.text)).toBeLessThan(0.2);
    expect(brightness(dark.background)).toBeLessThan(0.15);
    expect(brightness(dark.text)).toBeGreaterThan(0.8);
    expect(dark.link).not.toBe(light.link);
    expect([light.scripts, dark.scripts]).toEqual([0, 0]);
  });

  it('a post page requests nothing from another origin until a click', async () => {
    const page = await env.browser.page();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${env.site.url}${PART_2}`, { waitUntil: 'networkidle' });
    await page.locator('.share-row').scrollIntoViewIfNeeded();
    await page.waitForLoadState('networkidle');
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.filter((u) => !u.startsWith(env.site.origin))).toEqual([]);
    // The share links are there, pointing away: only a click would leave.
    expect(await page.locator('.share-row a[href^="https://"]').count()).toBe(3);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it("the Mastodon link asks for the reader's server and opens its share page", async () => {
    const page = await env.browser.page();
    let opened: string | undefined;
    // Stand in for the reader's server: record the address, send nothing out.
    await page.route('https://mastodon.example/**', async (route) => {
      opened = route.request().url();
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<title>shared</title>' });
    });
    await page.goto(`${env.site.url}${PART_2}`);
    await page.locator('.share-row a', { hasText: 'Mastodon' }).click();
    await page.waitForURL(/\/share\/mastodon\//);
    const text = 'A Day in the Jail Clinic, Part 2: Sick Call https://www.shrinkrap.net/2013/04/day-in-jail-clinic-part-2-sick-call.html';
    await expectText(page.locator('#mastodon-share-text'), text);
    const server = page.getByLabel('Your Mastodon server');
    await server.fill('not a server');
    await page.getByRole('button', { name: 'Share' }).click();
    await expectText(page.locator('#mastodon-share-error'), /not a server name/);
    expect(opened).toBeUndefined();
    await server.fill('@dinah@Mastodon.Example');
    await page.getByRole('button', { name: 'Share' }).click();
    await page.waitForURL(/mastodon\.example/);
    const target = new URL(opened!);
    expect(target.origin + target.pathname).toBe('https://mastodon.example/share');
    expect(target.searchParams.get('text')).toBe(text);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});

async function expectText(locator: import('playwright-core').Locator, want: string | RegExp) {
  await locator.waitFor();
  const deadline = Date.now() + 5000;
  let got = '';
  while (Date.now() < deadline) {
    got = (await locator.textContent()) ?? '';
    if (typeof want === 'string' ? got === want : want.test(got)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(got).toEqual(want);
}

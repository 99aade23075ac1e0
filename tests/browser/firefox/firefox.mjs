// explore.html opened from disk in Firefox (Debian's firefox-esr, driven over WebDriver
// BiDi by puppeteer-core, which downloads no browser): the graph is drawn, a search
// lists what it finds, a click on a result fills the side panel, and the page asks for
// nothing over the network. Prints one JSON line; exits non-zero on any failure.
//
//   node tests/browser/firefox/firefox.mjs PAGE.html [SCREENSHOT.png]
import puppeteer from 'puppeteer-core';

const [pagePath, shot] = process.argv.slice(2);
const problems = [];
const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: process.env.LEVELMAP_FIREFOX || '/usr/bin/firefox-esr',
  headless: true,
  args: ['--no-remote'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('request', (r) => { if (!r.url().startsWith('file:')) problems.push(`network request: ${r.url()}`); });
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto('file://' + pagePath);
  await page.waitForFunction(
    () => !/Loading/.test(document.getElementById('status').textContent),
    { timeout: 90000 },
  );
  const status = await page.$eval('#status', (e) => e.textContent);
  await page.type('#search', 'Reeves');
  await page.waitForFunction(() => document.body.innerText.includes('Rachel Reeves'), { timeout: 10000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => document.getElementById('panel') && /actor/.test(document.getElementById('panel').innerText),
    { timeout: 10000 },
  );
  const panel = await page.$eval('#panel', (e) => e.innerText.slice(0, 200));
  if (shot) await page.screenshot({ path: shot });
  const version = await browser.version();
  console.log(JSON.stringify({ version, status, panel, problems }));
  if (problems.length) process.exitCode = 1;
} catch (e) {
  console.log(JSON.stringify({ error: String(e), problems }));
  process.exitCode = 1;
} finally {
  await browser.close();
}

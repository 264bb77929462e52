import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/audit.ts';
import { sessions, users } from '../../db/schema/accounts.ts';
import { createTestApp, type TestApp, textOf } from '../../../tests/helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' } });
});
afterAll(() => t.close());

describe('signing in and out', () => {
  it('signs in, lands on the page asked for, and signs out', async () => {
    const c = t.client();
    await c.get('/login');
    const res = await c.post('/login?next=%2Fregions%2F81', {
      email: 'ADMIN@ovop.test ',
      password: 'ovop-demo',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/regions/81');
    const page = await c.get('/regions/81');
    expect(page.status).toBe(200);
    expect(textOf(await page.text())).toContain('Kota Ambon');
    const out = await c.post('/logout');
    expect(out.status).toBe(303);
    const after = await c.get('/dashboard');
    expect(after.status).toBe(302);
    expect(after.headers.get('location')).toMatch(/^\/login\?next=%2Fdashboard/);
  });

  it('gives one generic message for a wrong password and for an unknown account', async () => {
    const wrong = t.client();
    const r1 = await wrong.login('ambon@ovop.test', 'not-the-password');
    const unknown = t.client();
    unknown.ip = '203.0.113.99';
    const r2 = await unknown.login('nobody@ovop.test', 'whatever');
    expect(r1.status).toBe(422);
    expect(r2.status).toBe(422);
    const m1 = textOf(await r1.text());
    const m2 = textOf(await r2.text());
    expect(m1).toContain('Email atau kata sandi salah.');
    expect(m2).toContain('Email atau kata sandi salah.');
    // The e-mail typed is kept in the form; nothing else distinguishes the two answers.
    expect(m1.replace('ambon@ovop.test', 'X')).toBe(m2.replace('nobody@ovop.test', 'X'));
  });

  it('refuses a disabled account with the same generic message', async () => {
    await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, 'ikm@ovop.test'));
    const c = t.client();
    c.ip = '203.0.113.50';
    const res = await c.login('ikm@ovop.test', 'ovop-demo');
    expect(res.status).toBe(422);
    expect(textOf(await res.text())).toContain('Email atau kata sandi salah.');
    await t.database.db.update(users).set({ disabledAt: null }).where(eq(users.email, 'ikm@ovop.test'));
  });

  it('locks an account after too many failures and says until when, even for the right password', async () => {
    const c = t.client();
    c.ip = '203.0.113.7';
    for (let i = 0; i < 3; i++) await c.login('penilai3@ovop.test', `wrong-${i}`);
    const res = await c.login('penilai3@ovop.test', 'ovop-demo');
    expect(res.status).toBe(422);
    const text = textOf(await res.text());
    expect(text).toMatch(
      /Terlalu banyak percobaan masuk yang gagal\. Coba lagi setelah \d{1,2} \w{3} \d{4} \d{2}\.\d{2} WIT\./,
    );
    // A lock on an e-mail with no account reads the same, so it reveals nothing.
    const ghost = t.client();
    ghost.ip = '203.0.113.8';
    for (let i = 0; i < 3; i++) await ghost.login('ghost@ovop.test', `wrong-${i}`);
    const ghostRes = await ghost.login('ghost@ovop.test', 'x');
    expect(textOf(await ghostRes.text())).toContain('Terlalu banyak percobaan');
  });

  it('sends an expired or forged session back to sign-in, then to the page asked for', async () => {
    const c = t.client();
    c.setCookie('ovop_session', 'forged-value-that-is-not-a-session-at-all-xyz12');
    const res = await c.get('/admin/audit?objectType=user');
    expect(res.status).toBe(302);
    const location = res.headers.get('location')!;
    expect(location).toBe('/login?next=%2Fadmin%2Faudit%3FobjectType%3Duser&expired=1');
    const login = await c.get(location);
    expect(textOf(await login.text())).toContain('Sesi Anda berakhir atau tidak sah');
    const signed = await c.post(location.replace('&expired=1', ''), {
      email: 'admin@ovop.test',
      password: 'ovop-demo',
    });
    expect(signed.headers.get('location')).toBe('/admin/audit?objectType=user');
  });

  it('treats a session past its idle expiry as ended', async () => {
    const c = await t.as('penilai1@ovop.test');
    expect((await c.get('/dashboard')).status).toBe(200);
    await t.database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) });
    const res = await c.get('/dashboard');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/login?next=%2Fdashboard&expired=1');
  });

  it('never redirects after sign-in to another site', async () => {
    const c = t.client();
    await c.get('/login');
    const res = await c.post(`/login?next=${encodeURIComponent('//evil.example/x')}`, {
      email: 'admin@ovop.test',
      password: 'ovop-demo',
    });
    expect(res.headers.get('location')).toBe('/dashboard');
  });
});

describe('CSRF', () => {
  it('refuses a POST without the token, with a message, and changes nothing', async () => {
    const c = await t.as('admin@ovop.test');
    const before = await t.database.db.select().from(users);
    const res = await c.post(
      '/admin/users',
      { email: 'csrf@ovop.test', name: 'CSRF', role: 'penilai', locale: 'id' },
      { csrf: false },
    );
    expect(res.status).toBe(403);
    expect(textOf(await res.text())).toContain(
      'Formulir ini kedaluwarsa atau tidak berasal dari aplikasi ini',
    );
    const after = await t.database.db.select().from(users);
    expect(after.length).toBe(before.length);
  });

  it('refuses a token made for another browser', async () => {
    const mallory = await t.as('ambon@ovop.test');
    const token = await mallory.csrfToken();
    const victim = await t.as('admin@ovop.test');
    const res = await victim.request('/admin/users', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: token, email: 'x@ovop.test', name: 'X', role: 'penilai' }),
    });
    expect(res.status).toBe(403);
  });
});

describe('language and pages', () => {
  it('shows a 404 page in the user language', async () => {
    const id = await t.client().get('/no/such/page');
    expect(id.status).toBe(404);
    expect(textOf(await id.text())).toContain('Halaman tidak ditemukan');
    const c = t.client();
    await c.get('/lang/en?next=/');
    const en = await c.get('/no/such/page');
    expect(en.status).toBe(404);
    expect(textOf(await en.text())).toContain('Page not found');
  });

  it('switches the interface language and remembers it on the account', async () => {
    const c = await t.as('tanimbar@ovop.test');
    const switched = await c.get('/lang/en?next=%2Fdashboard');
    expect(switched.headers.get('location')).toBe('/dashboard');
    expect(textOf(await (await c.get('/dashboard')).text())).toContain(
      'You are signed in as Regency/city officer',
    );
    const [row] = await t.database.db.select().from(users).where(eq(users.email, 'tanimbar@ovop.test'));
    expect(row?.locale).toBe('en');
    // A new browser signing in gets the saved language.
    const other = await t.as('tanimbar@ovop.test');
    expect(textOf(await (await other.get('/dashboard')).text())).toContain('You are signed in as');
    await c.get('/lang/id?next=%2F');
  });

  it('sends secure headers with a strict Content-Security-Policy', async () => {
    const res = await t.client().get('/login');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ovop_csrf='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });
});

describe('my account', () => {
  it('changes the password: the old one stops working, other sessions end, this one stays', async () => {
    const c = await t.as('penilai2@ovop.test');
    const elsewhere = await t.as('penilai2@ovop.test');
    const bad = await c.post('/account/password', {
      current: 'wrong',
      next: 'a-new-password',
      confirm: 'a-new-password',
    });
    expect(bad.status).toBe(422);
    expect(textOf(await bad.text())).toContain('Kata sandi saat ini salah.');
    const mismatch = await c.post('/account/password', {
      current: 'ovop-demo',
      next: 'a-new-password',
      confirm: 'other',
    });
    expect(textOf(await mismatch.text())).toContain('Ulangan kata sandi baru tidak sama.');
    const ok = await c.post('/account/password', {
      current: 'ovop-demo',
      next: 'a-new-password',
      confirm: 'a-new-password',
    });
    expect(ok.status).toBe(303);
    expect((await c.get('/account')).status).toBe(200);
    expect((await elsewhere.get('/account')).status).toBe(302);
    const old = t.client();
    old.ip = '203.0.113.77';
    expect((await old.login('penilai2@ovop.test', 'ovop-demo')).status).toBe(422);
    expect((await old.login('penilai2@ovop.test', 'a-new-password')).status).toBe(303);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'user.password_change'));
    expect(audit.length).toBe(1);
  });
});

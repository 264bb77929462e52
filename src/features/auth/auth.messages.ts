import { defineMessages, validationMessages } from '../../platform/i18n.ts';

export const authText = defineMessages({
  loginTitle: { id: 'Masuk ke OVOP Maluku', en: 'Sign in to OVOP Maluku' },
  loginIntro: {
    id: 'Untuk petugas Dinas Perindag provinsi dan kabupaten/kota, tim penilai, dan pemilik IKM.',
    en: 'For provincial and regency/city industry officers, assessors, and IKM owners.',
  },
  email: { id: 'Email', en: 'E-mail' },
  password: { id: 'Kata sandi', en: 'Password' },
  submit: { id: 'Masuk', en: 'Sign in' },
  sessionEnded: {
    id: 'Sesi Anda berakhir atau tidak sah. Silakan masuk lagi; Anda akan dikembalikan ke halaman yang diminta.',
    en: 'Your session ended or was not valid. Please sign in again; you will be taken back to the page you asked for.',
  },
  signedOut: { id: 'Anda sudah keluar.', en: 'You have signed out.' },
  welcome: { id: 'Selamat datang, {name}.', en: 'Welcome, {name}.' },
  accountTitle: { id: 'Akun saya', en: 'My account' },
  profile: { id: 'Profil', en: 'Profile' },
  name: { id: 'Nama', en: 'Name' },
  role: { id: 'Peran', en: 'Role' },
  region: { id: 'Wilayah', en: 'Region' },
  languageTitle: { id: 'Bahasa antarmuka', en: 'Interface language' },
  languageSaved: { id: 'Bahasa disimpan.', en: 'Language saved.' },
  changePassword: { id: 'Ubah kata sandi', en: 'Change password' },
  currentPassword: { id: 'Kata sandi saat ini', en: 'Current password' },
  newPassword: { id: 'Kata sandi baru', en: 'New password' },
  newPasswordHint: {
    id: 'Minimal 8 karakter. Kalimat pendek yang mudah Anda ingat lebih kuat daripada kata yang rumit.',
    en: 'At least 8 characters. A short sentence you remember is stronger than a complicated word.',
  },
  confirmPassword: { id: 'Ulangi kata sandi baru', en: 'Repeat the new password' },
  passwordChanged: {
    id: 'Kata sandi diubah. Sesi Anda di perangkat lain telah diakhiri.',
    en: 'Password changed. Your sessions on other devices have been ended.',
  },
  tokensTitle: { id: 'Token API', en: 'API tokens' },
  tokensIntro: {
    id: 'Token memberi akses ke API JSON (/api/v1) atas nama Anda. Simpan seperti kata sandi.',
    en: 'A token gives access to the JSON API (/api/v1) on your behalf. Keep it like a password.',
  },
  tokenName: { id: 'Nama token', en: 'Token name' },
  tokenNameHint: {
    id: 'Untuk apa token ini, misalnya "Laporan Excel".',
    en: 'What it is for, e.g. "Excel report".',
  },
  createToken: { id: 'Buat token', en: 'Create token' },
  tokenCreated: {
    id: 'Token baru: {token} — salin sekarang; tidak akan ditampilkan lagi.',
    en: 'New token: {token} — copy it now; it will not be shown again.',
  },
  tokenRevoked: { id: 'Token dicabut.', en: 'Token revoked.' },
  revoke: { id: 'Cabut', en: 'Revoke' },
  tokenPrefix: { id: 'Awalan', en: 'Prefix' },
  created: { id: 'Dibuat', en: 'Created' },
  lastUsed: { id: 'Terakhir dipakai', en: 'Last used' },
  uses: { id: 'Dipakai', en: 'Uses' },
  state: { id: 'Status', en: 'State' },
  revoked: { id: 'Dicabut', en: 'Revoked' },
  activeToken: { id: 'Aktif', en: 'Active' },
  noTokens: { id: 'Belum ada token.', en: 'No tokens yet.' },
  apiDocs: { id: 'Dokumentasi API (OpenAPI)', en: 'API documentation (OpenAPI)' },
});

export const authRules = validationMessages('auth', {
  badCredentials: {
    id: 'Email atau kata sandi salah.',
    en: 'The e-mail or password is wrong.',
  },
  locked: {
    id: 'Terlalu banyak percobaan masuk yang gagal. Coba lagi setelah {until}.',
    en: 'Too many failed sign-in attempts. Try again after {until}.',
  },
});

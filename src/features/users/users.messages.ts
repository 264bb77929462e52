import { defineMessages, validationMessages } from '../../platform/i18n.ts';

export const usersText = defineMessages({
  title: { id: 'Pengguna', en: 'Users' },
  newUser: { id: 'Tambah pengguna', en: 'Add a user' },
  editUser: { id: 'Ubah pengguna', en: 'Edit user' },
  email: { id: 'Email', en: 'E-mail' },
  name: { id: 'Nama lengkap', en: 'Full name' },
  role: { id: 'Peran', en: 'Role' },
  region: { id: 'Kabupaten/kota', en: 'Regency/city' },
  regionHint: {
    id: 'Wajib untuk petugas kabupaten/kota: mereka hanya mengelola data wilayahnya.',
    en: 'Required for regency/city officers: they manage only their own region.',
  },
  institution: { id: 'Instansi', en: 'Institution' },
  phone: { id: 'Telepon', en: 'Phone' },
  locale: { id: 'Bahasa antarmuka', en: 'Interface language' },
  status: { id: 'Status', en: 'Status' },
  active: { id: 'Aktif', en: 'Active' },
  disabled: { id: 'Nonaktif', en: 'Disabled' },
  lastLogin: { id: 'Terakhir masuk', en: 'Last sign-in' },
  never: { id: 'Belum pernah', en: 'Never' },
  password: { id: 'Kata sandi awal', en: 'Initial password' },
  passwordHint: {
    id: 'Kosongkan agar sistem membuat kata sandi acak yang ditampilkan sekali.',
    en: 'Leave empty and the system makes a random one, shown once.',
  },
  created: { id: 'Pengguna {email} dibuat.', en: 'User {email} created.' },
  createdWithPassword: {
    id: 'Pengguna {email} dibuat. Kata sandi awal: {password} — sampaikan secara pribadi; tidak akan ditampilkan lagi.',
    en: 'User {email} created. Initial password: {password} — pass it on privately; it will not be shown again.',
  },
  updated: { id: 'Perubahan pada {email} disimpan.', en: 'Changes to {email} saved.' },
  disable: { id: 'Nonaktifkan', en: 'Disable' },
  enable: { id: 'Aktifkan kembali', en: 'Enable again' },
  disabledDone: {
    id: 'Akun {email} dinonaktifkan; semua sesinya diakhiri.',
    en: 'Account {email} disabled; all its sessions ended.',
  },
  enabledDone: { id: 'Akun {email} diaktifkan kembali.', en: 'Account {email} enabled again.' },
  resetPassword: { id: 'Atur ulang kata sandi', en: 'Reset password' },
  resetDone: {
    id: 'Kata sandi baru untuk {email}: {password} — sampaikan secara pribadi; tidak akan ditampilkan lagi.',
    en: 'New password for {email}: {password} — pass it on privately; it will not be shown again.',
  },
  actAs: { id: 'Bertindak sebagai pengguna ini', en: 'Act as this user' },
  actAsHint: {
    id: 'Untuk membantu pengguna: Anda melihat dan bertindak seperti dia; jejak audit mencatat Anda berdua.',
    en: 'To help a user: you see and act as they do; the audit log records you both.',
  },
  searchLabel: { id: 'Cari nama atau email', en: 'Search name or e-mail' },
  allRoles: { id: 'Semua peran', en: 'All roles' },
  noRegion: { id: 'Tanpa wilayah', en: 'No region' },
  userCount: { id: 'Daftar pengguna', en: 'List of users' },
  auditTrail: { id: 'Jejak audit pengguna ini', en: 'Audit trail of this user' },
  tokensTitle: { id: 'Token API', en: 'API tokens' },
  tokenName: { id: 'Nama token', en: 'Token name' },
  lastUsed: { id: 'Terakhir dipakai', en: 'Last used' },
  noTokens: { id: 'Pengguna ini belum memiliki token API.', en: 'This user has no API tokens.' },
  revoke: { id: 'Cabut', en: 'Revoke' },
  revoked: { id: 'Dicabut', en: 'Revoked' },
  tokenRevoked: { id: 'Token dicabut.', en: 'Token revoked.' },
});

export const userRules = validationMessages('users', {
  emailTaken: {
    id: 'Email ini sudah dipakai akun lain.',
    en: 'This e-mail is already used by another account.',
  },
  regionRequired: {
    id: 'Pilih kabupaten/kota untuk petugas kabupaten/kota.',
    en: 'Choose the regency/city of a regency/city officer.',
  },
  regionNotKabkota: {
    id: 'Pilih salah satu kabupaten/kota di provinsi ini.',
    en: 'Choose one of the regencies/cities of this province.',
  },
  passwordTooShort: {
    id: 'Kata sandi minimal 8 karakter.',
    en: 'The password must have at least 8 characters.',
  },
  passwordSameAsEmail: {
    id: 'Kata sandi tidak boleh sama dengan email.',
    en: 'The password cannot be the e-mail address.',
  },
  wrongCurrentPassword: { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
  passwordMismatch: {
    id: 'Ulangan kata sandi baru tidak sama.',
    en: 'The new password and its repetition differ.',
  },
  selfDisable: {
    id: 'Anda tidak dapat menonaktifkan akun sendiri.',
    en: 'You cannot disable your own account.',
  },
});

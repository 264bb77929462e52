import { defineMessages } from '../../platform/i18n.ts';

export const homeText = defineMessages({
  dashboardTitle: { id: 'Beranda', en: 'Home' },
  hello: { id: 'Halo, {name}', en: 'Hello, {name}' },
  roleLine: { id: 'Anda masuk sebagai {role}{region}.', en: 'You are signed in as {role}{region}.' },
  whatYouCanDo: { id: 'Yang dapat Anda lakukan', en: 'What you can do' },
  regionsLink: {
    id: 'Lihat wilayah Maluku: 11 kabupaten/kota dan 119 kecamatan',
    en: 'Browse Maluku: 11 regencies/cities and 119 districts',
  },
  usersLink: { id: 'Kelola pengguna dan perannya', en: 'Manage users and their roles' },
  auditLink: { id: 'Baca jejak audit', en: 'Read the audit log' },
  accountLink: {
    id: 'Ubah kata sandi, bahasa, dan token API',
    en: 'Change your password, language and API tokens',
  },
});

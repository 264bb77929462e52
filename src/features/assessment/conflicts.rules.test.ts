import { describe, expect, it } from 'vitest';
import {
  CONFLICT_KIND_NAMES,
  CONFLICT_KINDS,
  normaliseEmail,
  normaliseInstitution,
  normalisePhone,
  suggestConflicts,
} from './conflicts.rules.ts';

describe('phone numbers to E.164', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['0812.3456.7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['+62-812-3456-7890', '+6281234567890'],
    ['+62 (0)812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['006281234567890', '+6281234567890'],
    ['81234567890', '+6281234567890'],
    [81234567890, '+6281234567890'],
    ['HP: 0812-3456-7890', '+6281234567890'],
    ['WA 0812 3456 7890', '+6281234567890'],
    ['Telp. (0911) 352123', '+62911352123'],
    ['(0911) 352-123', '+62911352123'],
    ['0911-3521234 ext. 12', '+629113521234'],
    ['+1 202 555 0100', '+12025550100'],
  ])('%s → %s', (raw, e164) => {
    expect(normalisePhone(raw)).toBe(e164);
  });

  it.each([
    [''],
    ['-'],
    ['tidak ada'],
    ['0812'],
    ['12345'],
    ['0812-3456-7890 / 0813-1111-2222'],
    [null],
    [undefined],
  ])('refuses %s', (raw) => {
    expect(normalisePhone(raw)).toBeNull();
  });
});

describe('e-mail addresses and institutions', () => {
  it('lower-cases and trims e-mail addresses, refusing what is not one', () => {
    expect(normaliseEmail('  Maria.Latuconsina@Unpatti.AC.id ')).toBe('maria.latuconsina@unpatti.ac.id');
    expect(normaliseEmail('maria at unpatti')).toBeNull();
    expect(normaliseEmail('')).toBeNull();
  });

  it('compares institutions without case, accents, punctuation or legal-form words', () => {
    expect(normaliseInstitution('PT. Mutiara Aru, Tbk')).toBe('mutiara aru');
    expect(normaliseInstitution('CV Mutiara  Aru')).toBe('mutiara aru');
    expect(normaliseInstitution('Universitas Pattimura')).toBe(
      normaliseInstitution('UNIVERSITAS PATTIMURA.'),
    );
    expect(normaliseInstitution('Café Bahari')).toBe('cafe bahari');
    expect(normaliseInstitution('-')).toBeNull();
    expect(normaliseInstitution('Tidak ada')).toBeNull();
    expect(normaliseInstitution('PT')).toBeNull();
  });
});

describe('suggested conflicts', () => {
  const assessors = [
    {
      id: 'a1',
      label: 'Dr. Maria',
      institutions: ['Universitas Pattimura'],
      phones: ['0812-3456-7890'],
      emails: ['Maria@Unpatti.ac.id'],
    },
    {
      id: 'a2',
      label: 'Pak Yosef',
      institutions: ['Disperindag Maluku'],
      phones: ['+62 811 000 111'],
      emails: [],
    },
    { id: 'a3', label: 'Ibu Ina', institutions: ['-'], phones: [], emails: ['ina@example.id'] },
  ];
  const ikms = [
    {
      id: 'i1',
      label: 'Tenun Kandar',
      institutions: ['UNIVERSITAS PATTIMURA'],
      phones: ['+6281234567890'],
      emails: [],
    },
    {
      id: 'i2',
      label: 'Sagu Waraka',
      institutions: ['CV Sagu Waraka'],
      phones: ['0811000111'],
      emails: ['maria@unpatti.ac.id'],
    },
    { id: 'i3', label: 'Gerabah Ouw', institutions: ['-'], phones: ['0813 9999 0000'], emails: [] },
  ];

  it('finds the same institution, phone (any way of writing it) or e-mail (any case)', () => {
    const s = suggestConflicts(assessors, ikms);
    expect(s.map((x) => [x.assessorId, x.ikmId, x.kind, x.matches.map((m) => m.on)])).toEqual([
      ['a1', 'i1', 'same_institution', ['institution', 'phone']],
      ['a1', 'i2', 'other', ['email']],
      ['a2', 'i2', 'other', ['phone']],
    ]);
    expect(s[0]!.note.text.en).toBe(
      'Possible conflict of interest: Dr. Maria and Tenun Kandar share the institution universitas pattimura and phone number +6281234567890.',
    );
    expect(s[0]!.note.text.id).toBe(
      'Kemungkinan konflik kepentingan: Dr. Maria dan Tenun Kandar memiliki instansi universitas pattimura dan nomor telepon +6281234567890 yang sama.',
    );
  });

  it('never matches on blanks or placeholders such as "-"', () => {
    const s = suggestConflicts(assessors, ikms);
    expect(s.some((x) => x.assessorId === 'a3' || x.ikmId === 'i3')).toBe(false);
  });

  it('leaves out pairs already declared', () => {
    const s = suggestConflicts(assessors, ikms, [{ assessorId: 'a1', ikmId: 'i1' }]);
    expect(s.map((x) => `${x.assessorId}-${x.ikmId}`)).toEqual(['a1-i2', 'a2-i2']);
  });

  it('names every conflict kind in both languages', () => {
    for (const k of CONFLICT_KINDS) {
      expect(CONFLICT_KIND_NAMES[k].id.length).toBeGreaterThan(0);
      expect(CONFLICT_KIND_NAMES[k].en.length).toBeGreaterThan(0);
    }
  });

  it('indexes the IKM side, so a province-sized check (300 assessors × 10,000 IKM) finds the one match', () => {
    const as = Array.from({ length: 300 }, (_, i) => ({
      id: `a${i}`,
      phones: [`0812${String(i).padStart(7, '0')}`],
    }));
    const is = Array.from({ length: 10_000 }, (_, i) => ({
      id: `i${i}`,
      phones: [`0813${String(i).padStart(7, '0')}`],
    }));
    is.push({ id: 'hit', phones: ['+62 812 0000 007'] });
    const s = suggestConflicts(as, is);
    expect(s.map((x) => [x.assessorId, x.ikmId])).toEqual([['a7', 'hit']]);
  });
});

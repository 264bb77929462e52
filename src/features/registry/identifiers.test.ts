import { describe, expect, it } from 'vitest';
import { lookupValidationMessage, render } from '../../platform/i18n.ts';
import {
  addDays,
  daysBetween,
  excelSerialToDate,
  formatBpomMd,
  formatHsCode,
  formatPhone,
  formatPirt,
  idRules,
  type Parsed,
  parseBpomMd,
  parseDocNumber,
  parseHsCode,
  parseIdDate,
  parseIdNumber,
  parseKbli,
  parseNib,
  parsePhone,
  parsePirt,
} from './identifiers.ts';

const value = <T>(p: Parsed<T>) => (p.ok ? p.value : `ERR ${p.error}`);
const message = (p: Parsed<unknown>, lang: 'id' | 'en' = 'id') =>
  p.ok ? '' : render(lookupValidationMessage(p.error)!, lang, p.params);

describe('NIB', () => {
  it.each([
    ['9120001234567', '9120001234567'],
    [' 9120001234567 ', '9120001234567'],
    ['9120 0012 3456 7', '9120001234567'],
    ['9120-0012-3456-7', '9120001234567'],
    ['9120.0012.3456.7', '9120001234567'],
    ['NIB: 9120001234567', '9120001234567'],
    ['nib 9120001234567', '9120001234567'],
    [9120001234567, '9120001234567'],
    ['９１２０００１２３４５６７', '9120001234567'],
  ])('accepts %j', (raw, expected) => {
    expect(value(parseNib(raw))).toBe(expected);
  });

  it('refuses 12 digits, naming how many were given', () => {
    const p = parseNib('912000123456');
    expect(p.ok).toBe(false);
    expect(message(p)).toBe('NIB harus 13 digit; yang diisi 12 digit.');
    expect(message(p, 'en')).toBe('A NIB has 13 digits; this one has 12.');
  });

  it.each(['91200012345678', '1', ''])('refuses the wrong length %j', (raw) => {
    expect(parseNib(raw).ok).toBe(false);
  });

  it.each(['91200O1234567', 'NIB-ABC1234567890', '9120001234567a', '9120#001234567'])(
    'refuses letters or symbols %j',
    (raw) => {
      const p = parseNib(raw);
      expect(p.ok).toBe(false);
      expect(message(p)).toContain('hanya berisi angka');
    },
  );
});

describe('KBLI', () => {
  it.each([
    ['10792', '10792'],
    ['KBLI 10792', '10792'],
    ['kbli: 13921', '13921'],
    [13921, '13921'],
    [' 1079 2 ', '10792'],
  ])('accepts %j', (raw, expected) => expect(value(parseKbli(raw))).toBe(expected));
  it.each(['1079', '107921', 'A1079', ''])('refuses %j', (raw) => {
    expect(parseKbli(raw)).toEqual({ ok: false, error: idRules.kbliFormat });
  });
});

describe('phone numbers to E.164', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['0812.3456.7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['+62-812-3456-7890', '+6281234567890'],
    ['+62 (0)812 3456 7890', '+6281234567890'],
    ['+6281234567890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['62 812 3456 7890', '+6281234567890'],
    ['006281234567890', '+6281234567890'],
    ['81234567890', '+6281234567890'],
    [81234567890, '+6281234567890'],
    ['HP: 0812-3456-7890', '+6281234567890'],
    ['WA 0812 3456 7890', '+6281234567890'],
    ['Telp. (0911) 352123', '+62911352123'],
    ['(0911) 352-123', '+62911352123'],
    ['0911-3521234', '+629113521234'],
    ['021-5551234', '+62215551234'],
    ['0853 4321 123', '+62853432112' + '3'],
    ['+61 412 345 678', '+61412345678'],
  ])('normalises %j', (raw, expected) => expect(value(parsePhone(raw))).toBe(expected));

  it.each([
    ['0812', idRules.phoneLength],
    ['08123456789012345', idRules.phoneLength],
    ['0812-3456-7890 / 0813-1111-2222', idRules.phoneMultiple],
    ['0812 3456 7890 atau 0813 1111 2222', idRules.phoneMultiple],
    ['nomor saya 0812', idRules.phoneFormat],
    ['12345678', idRules.phoneFormat],
    ['0812-3456-789O', idRules.phoneFormat],
    ['', idRules.phoneFormat],
  ])('refuses %j', (raw, error) => {
    const p = parsePhone(raw);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error).toBe(error);
  });

  it('formats for display', () => {
    expect(formatPhone('+6281234567890')).toBe('+62 812-3456-7890');
    expect(formatPhone('+62911352123')).toBe('+62 911 352123');
    expect(formatPhone('+62215551234')).toBe('+62 21 5551234');
    expect(formatPhone('+61412345678')).toBe('+61412345678');
    expect(formatPhone(null)).toBe('');
  });
});

describe('P-IRT', () => {
  it.each([
    ['206710101012327', '206710101012327'],
    ['2067101010123-27', '206710101012327'],
    ['P-IRT No. 2067101010123-27', '206710101012327'],
    ['PIRT 2067101010123-27', '206710101012327'],
    ['P-IRT: 206 7101 01 0123-27', '206710101012327'],
    ['SPP-IRT No. 2067101010123-27', '206710101012327'],
    ['pirt no 2067101010123 27', '206710101012327'],
    [206710101012327, '206710101012327'],
  ])('accepts %j', (raw, expected) => expect(value(parsePirt(raw))).toBe(expected));

  it('refuses the wrong number of digits, naming it', () => {
    const p = parsePirt('P-IRT No. 206710101012-27');
    expect(message(p)).toBe('Nomor P-IRT harus 15 digit; yang diisi 14 digit.');
    expect(message(parsePirt('2067101010123-270'), 'en')).toBe(
      'A P-IRT number has 15 digits; this one has 16.',
    );
  });

  it.each(['P-IRT No. 20671O1010123-27', 'MD 224510001234', 'abc'])('refuses %j', (raw) => {
    expect(parsePirt(raw).ok).toBe(false);
  });

  it('formats with the expiry year apart', () => {
    expect(formatPirt('206710101012327')).toBe('2067101010123-27');
  });
});

describe('BPOM MD', () => {
  it.each([
    ['MD224510001234', 'MD224510001234'],
    ['MD 224510001234', 'MD224510001234'],
    ['md 2245 1000 1234', 'MD224510001234'],
    ['BPOM RI MD 224510001234', 'MD224510001234'],
    ['BPOM MD 224510001234', 'MD224510001234'],
    ['Badan POM RI MD 224510001234', 'MD224510001234'],
    ['BPOM RI No. MD 224510001234', 'MD224510001234'],
    ['MD-224510001234', 'MD224510001234'],
  ])('accepts %j', (raw, expected) => expect(value(parseBpomMd(raw))).toBe(expected));

  it.each([
    ['224510001234', idRules.bpomPrefix],
    ['MD 22451000123', idRules.bpomLength],
    ['MD 2245100012345', idRules.bpomLength],
    ['ML 224510001234', idRules.bpomImported],
    ['MD 22451000123A', idRules.bpomPrefix],
    ['P-IRT 2067101010123-27', idRules.bpomPrefix],
  ])('refuses %j', (raw, error) => {
    const p = parseBpomMd(raw);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error).toBe(error);
  });

  it('names the count of digits', () => {
    expect(message(parseBpomMd('MD 22451000123'))).toBe(
      'Nomor BPOM MD harus MD diikuti 12 digit; yang diisi 11 digit.',
    );
  });

  it('formats', () => expect(formatBpomMd('MD224510001234')).toBe('MD 224510001234'));
});

describe('HS codes', () => {
  it.each([
    ['110620', '110620'],
    ['1106.20', '110620'],
    ['1106.20.10', '11062010'],
    ['3301.29.10', '33012910'],
    ['HS 7116.10.00', '71161000'],
    ['HS code: 0904 11 10', '09041110'],
    ['1106201000', '1106201000'],
  ])('accepts %j', (raw, expected) => expect(value(parseHsCode(raw))).toBe(expected));

  it('refuses 5 digits, naming the count', () => {
    const p = parseHsCode('11062');
    expect(message(p)).toBe('Kode HS harus 6–10 digit; yang diisi 5 digit.');
  });

  it.each(['11062010001', '1106.2x', ''])('refuses %j', (raw) => expect(parseHsCode(raw).ok).toBe(false));

  it('formats with dots', () => {
    expect(formatHsCode('110620')).toBe('1106.20');
    expect(formatHsCode('11062010')).toBe('1106.20.10');
    expect(formatHsCode('1106201000')).toBe('1106.20.10.00');
  });
});

describe('free-text document numbers', () => {
  it('folds spaces and case', () => {
    expect(value(parseDocNumber('  id81110000123450124 '))).toBe('ID81110000123450124');
    expect(value(parseDocNumber('IDM000 123456'))).toBe('IDM000 123456');
    expect(value(parseDocNumber('SNI 01-3840-1995'))).toBe('SNI 01-3840-1995');
  });
  it.each(['ab', '=cmd|calc', '<script>'])('refuses %j', (raw) => expect(parseDocNumber(raw).ok).toBe(false));
});

describe('Indonesian numbers', () => {
  it.each([
    ['1.250.000', 1250000],
    ['1250000', 1250000],
    ['Rp 1.250.000', 1250000],
    ['Rp1.250.000,-', 1250000],
    ['Rp. 1.250.000,00', 1250000],
    ['IDR 2.000.000', 2000000],
    ['1.250.000,50', 1250000.5],
    ['2,5', 2.5],
    ['0,75', 0.75],
    ['65%', 65],
    ['65,5 %', 65.5],
    ['1,5 juta', 1500000],
    ['1.5 juta', 1500000],
    ['2 jt', 2000000],
    ['750 ribu', 750000],
    ['750rb', 750000],
    ['1,2 miliar', 1200000000],
    ['1,1 juta', 1100000],
    ['1,250,000', 1250000],
    [' 42 ', 42],
    [3.5, 3.5],
  ])('reads %j', (raw, expected) => expect(parseIdNumber(raw)).toBe(expected));

  it.each(['', 'dua juta', '1.2.3,4,5', 'Rp', 'juta', null, undefined, Number.NaN])('rejects %j', (raw) =>
    expect(parseIdNumber(raw as string)).toBeUndefined(),
  );
});

describe('Indonesian dates', () => {
  it.each([
    ['28/11/2026', '2026-11-28'],
    ['28-11-2026', '2026-11-28'],
    ['28.11.2026', '2026-11-28'],
    ['2026-11-28', '2026-11-28'],
    ['1/2/2025', '2025-02-01'],
    ['28/11/26', '2026-11-28'],
    ['28 Nov 2026', '2026-11-28'],
    ['28 November 2026', '2026-11-28'],
    ['28 Nopember 2026', '2026-11-28'],
    ['28-Nop-2026', '2026-11-28'],
    ['17 Agustus 1945', '1945-08-17'],
    ['1 Mei 2024', '2024-05-01'],
    ['5 Des. 2025', '2025-12-05'],
    ['Sabtu, 28 November 2026', '2026-11-28'],
    ['Tgl. 28/11/2026', '2026-11-28'],
    ['46354', '2026-11-28'],
    [46354, '2026-11-28'],
    [45351, '2024-02-29'],
    [new Date(Date.UTC(2026, 10, 28)), '2026-11-28'],
  ])('reads %j', (raw, expected) => expect(parseIdDate(raw)).toBe(expected));

  it.each(['31/02/2026', '29/02/2025', '2026-13-01', '28 Brumaire 2026', 'besok', '', '12345678', 0])(
    'rejects %j',
    (raw) => expect(parseIdDate(raw)).toBeUndefined(),
  );

  it('converts Excel serials', () => {
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(45658)).toBe('2025-01-01');
  });

  it('counts days', () => {
    expect(daysBetween('2026-01-01', '2026-03-31')).toBe(89);
    expect(daysBetween('2026-03-31', '2026-01-01')).toBe(-89);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

import { z } from 'zod';
import { email, optionalText, text, versionField } from '../../platform/fields.ts';
import { LangEnum, RoleEnum } from '../../platform/domain.ts';
import { userRules } from './users.messages.ts';

export const password = () => z.string().min(8, userRules.passwordTooShort).max(200);

const userFields = {
  email: email(),
  name: text(120),
  role: RoleEnum,
  regionCode: optionalText(20),
  institution: optionalText(200),
  phone: optionalText(30),
  locale: LangEnum.default('id'),
};

export const UserCreate = z.object({
  ...userFields,
  password: z.preprocess((v) => (v === '' ? undefined : v), password().optional()),
});
export type UserCreate = z.infer<typeof UserCreate>;

export const UserUpdate = z.object({ ...userFields, version: versionField() });
export type UserUpdate = z.infer<typeof UserUpdate>;

export const UserFilter = z.object({
  q: optionalText(100),
  role: z.preprocess((v) => (v === '' ? undefined : v), RoleEnum.optional()),
  regionCode: optionalText(20),
  status: z.enum(['active', 'disabled', 'all']).default('all'),
  sort: z.enum(['name', 'email', 'created']).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  after: z.string().max(1000).optional(),
  before: z.string().max(1000).optional(),
});
export type UserFilter = z.infer<typeof UserFilter>;

export const PasswordChange = z.object({
  current: z.string().min(1),
  next: password(),
  confirm: z.string().min(1),
});

export const TokenCreate = z.object({ name: text(80) });

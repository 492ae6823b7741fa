// The type of a parameter as the vocabulary compares it, read from the zod schema the profile
// loader validates its values with (policies/parameters/), and the schemas of the types a
// vocabulary rule may declare for a new parameter.
import { z } from 'zod';
import { duration } from '../duration';
import { OperandType, ParameterDeclaration } from './ir';

export function parameterType(schema: z.ZodType): OperandType | undefined {
  const type = (schema as unknown as { def?: { type?: string } }).def?.type;
  if (type === 'array') return 'codes';
  if (type === 'boolean') return 'boolean';
  if (type === 'number') return schema.safeParse(1.5).success ? 'amount' : 'integer';
  if (schema.safeParse({ value: 1, unit: 'calendar_days' }).success || schema.safeParse({ value: 1, unit: 'working_days' }).success) return type === 'object' ? 'duration' : undefined;
  return undefined;
}

/** The schema a profile value of a declared vocabulary parameter must meet. */
export function declaredSchema(type: ParameterDeclaration['type']): z.ZodType {
  switch (type) {
    case 'amount':
      return z.number().positive().multipleOf(0.01);
    case 'duration':
      return duration();
    case 'integer':
      return z.number().int().min(0);
    case 'boolean':
      return z.boolean();
    case 'codes':
      return z.array(z.string().min(1)).min(1);
  }
}

/** The words a declaration may use for a parameter's type. */
export const DECLARED_TYPES: Record<string, ParameterDeclaration['type']> = {
  金额: 'amount', amount: 'amount', 期限: 'duration', duration: 'duration', 整数: 'integer', 次数: 'integer', count: 'integer',
  是否: 'boolean', 'yes-no': 'boolean', 代码列表: 'codes', 'code list': 'codes',
};

/**
 * NHS number check (modulus 11), as published by NHS England's data dictionary: weights 10..2 on the
 * first nine digits, check digit = 11 - (sum mod 11); 11 becomes 0 and 10 means the number is invalid.
 */
export function normaliseNhsNumber(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return null;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10) return null;
  return check === Number(digits[9]) ? digits : null;
}

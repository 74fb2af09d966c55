/** A person's name in any script: 1-100 characters with at least one letter and no digits. */
export function normaliseName(input: string): string | null {
  const name = input.trim().replace(/\s+/g, ' ');
  if (name.length === 0 || name.length > 100) return null;
  if (!/\p{L}/u.test(name) || /\d/.test(name)) return null;
  return name;
}

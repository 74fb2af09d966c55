/**
 * The practice's brand colour carries white text (header, send button, the patient's bubbles) and
 * is text on white (choice buttons), so it must reach 4.5:1 against white (WCAG 1.4.3). A colour
 * that does not is replaced by NHS blue rather than shipping an inaccessible page.
 */
export const NHS_BLUE = '#005eb8';

export function brandColour(candidate: string | undefined): string {
  if (!candidate || !/^#[0-9a-fA-F]{6}$/.test(candidate)) return NHS_BLUE;
  return contrastWithWhite(candidate) >= 4.5 ? candidate.toLowerCase() : NHS_BLUE;
}

export function contrastWithWhite(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (l + 0.05);
}

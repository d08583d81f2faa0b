/**
 * The Mantine theme, tuned for WCAG AA contrast: filled components use shade 9, and the text of
 * light, subtle and outline variants (badges, alerts, active navigation) uses a dark shade instead
 * of Mantine's default shade 6, as does "dimmed" text.
 */
import { DEFAULT_THEME, createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 9, dark: 4 },
  defaultRadius: 'sm',
  focusRing: 'auto',
});

/** Colors whose shade 9 is still too light for text on white. */
const DARK_TEXT: Record<string, string> = {
  yellow: '#6b4b00',
  orange: '#8f3300',
  lime: '#3b5b00',
  cyan: '#0b5a66',
};

const textColors = Object.fromEntries(
  Object.keys(DEFAULT_THEME.colors).flatMap((color) => {
    const value = DARK_TEXT[color] ?? `var(--mantine-color-${color}-9)`;
    return [
      [`--mantine-color-${color}-light-color`, value],
      [`--mantine-color-${color}-outline`, value],
    ];
  }),
);

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    ...textColors,
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});
